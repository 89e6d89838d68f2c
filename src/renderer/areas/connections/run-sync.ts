// Runs in: renderer. Owns: starting one sync and marking the connection as syncing until main answers.
import type { Api } from '../../../shared/contract/api';
import type { ChannelInput } from '../../../shared/contract/index';
import { unwrap } from '../../state/api-context';
import { useStatus } from '../../state/status-store';

type Options = Omit<ChannelInput<'sync:start'>, 'connectionId'>;

export async function syncOnce(api: Api, connectionId: string, options: Options = {}) {
  const st = useStatus.getState();
  st.setSyncing(connectionId, true);
  try {
    const clean = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    return await unwrap(api.sync.start({ connectionId, ...clean }));
  } finally {
    useStatus.getState().setSyncing(connectionId, false);
    void useStatus.getState().refresh(api, [connectionId]);
  }
}
