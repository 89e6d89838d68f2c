// Runs in: renderer. Owns: the providers (Mantine with the CSP nonce, the Api) around the shell.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { Api } from '../../shared/contract/api';
import { ApiContext } from '../state/api-context';
import { styleNonce } from './nonce';
import { Shell } from './Shell';
import { theme } from './theme';

export function App({ api }: { api: Api }) {
  const nonce = styleNonce();
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" getStyleNonce={() => nonce}>
      <Notifications position="top-right" />
      <ApiContext.Provider value={api}>
        <Shell />
      </ApiContext.Provider>
    </MantineProvider>
  );
}
