// Runs in: renderer. Owns: the offline banner on every screen: the console lost its link to Storebridge (the
// browser host's socket closed), or destinations are offline with records waiting in their queues.
import { Alert, Button, Text } from '@mantine/core';
import { IconCloudOff, IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useApi } from '../state/api-context';
import { useStatus } from '../state/status-store';
import { useStores } from '../state/stores-store';
import { useWorkspace } from '../state/workspace-store';
import { count } from './format';

/** How often the banner asks for each connection's state when no screen is polling it. */
const POLL_MS = 15_000;

export function OfflineBanner() {
  const api = useApi();
  const [lost, setLost] = useState(false);
  const connections = useWorkspace((s) => s.connections);
  const stores = useStores((s) => s.stores);
  const status = useStatus((s) => s.status);
  const refresh = useStatus((s) => s.refresh);
  useEffect(() => {
    const onLost = () => setLost(true);
    window.addEventListener('storebridge:disconnected', onLost);
    return () => window.removeEventListener('storebridge:disconnected', onLost);
  }, []);
  const ids = connections.map((c) => c.id).join(',');
  useEffect(() => {
    if (!ids || lost) return;
    const t = setInterval(() => void refresh(api, ids.split(',')), POLL_MS);
    return () => clearInterval(t);
  }, [api, ids, lost, refresh]);

  if (lost)
    return (
      <Alert
        color="red"
        icon={<IconPlugConnectedX />}
        title="Offline: this console lost its connection to Storebridge"
        mb="md"
        data-testid="offline-banner"
        data-kind="host"
      >
        <Text size="sm" mb="xs">
          Nothing on screen updates and nothing you do now is saved. Storebridge itself may still be syncing.
          Reload once it runs again.
        </Text>
        <Button size="xs" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </Alert>
    );
  const offline = connections.filter((c) => status[c.id]?.destination === 'offline');
  if (offline.length === 0) return null;
  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? id;
  return (
    <Alert
      color="orange"
      icon={<IconCloudOff />}
      title={`${offline.length} destination${offline.length === 1 ? ' is' : 's are'} offline`}
      mb="md"
      data-testid="offline-banner"
      data-kind="destinations"
    >
      {offline.map((c) => (
        <Text size="sm" key={c.id}>
          {storeName(c.storeId)} → {c.name} ({c.platform}): {count(status[c.id]?.queue.queued ?? 0)} queued
        </Text>
      ))}
      <Text size="sm" mt="xs">
        Queued records are kept and sent when the platform answers again; nothing needs doing unless this
        lasts.
      </Text>
    </Alert>
  );
}
