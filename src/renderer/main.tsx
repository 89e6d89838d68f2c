// Runs in: renderer. Owns: mounting the app once the API bridge is ready.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectApi } from './bridge/api';

const root = createRoot(document.getElementById('root')!);
connectApi().then(
  (api) => root.render(<App api={api} />),
  (err: unknown) => {
    root.render(
      <p role="alert" data-testid="bridge-error">
        The console could not reach Storebridge: {err instanceof Error ? err.message : String(err)}. Restart
        it from the terminal and open the new address it prints.
      </p>,
    );
  },
);
