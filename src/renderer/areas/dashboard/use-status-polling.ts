// Runs in: renderer. Owns: refreshing the status of the given connections while a screen is open.
import { useEffect } from 'react';
import { useApi } from '../../state/api-context';
import { useStatus } from '../../state/status-store';

export function useStatusPolling(ids: string[], everyMs = 3000): void {
  const api = useApi();
  const refresh = useStatus((s) => s.refresh);
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    const list = key.split(',');
    void refresh(api, list);
    const t = setInterval(() => void refresh(api, list), everyMs);
    return () => clearInterval(t);
  }, [api, key, refresh, everyMs]);
}
