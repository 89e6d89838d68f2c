// Runs in: renderer. Owns: the agency dashboard: a store x platform matrix of connection health, store
// search, and bulk actions (pause all, sync now for every visible connection).
import { Alert, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLayoutDashboard, IconPlayerPause, IconRefresh, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useApi } from '../../state/api-context';
import { useNav } from '../../state/nav-store';
import { useStatus } from '../../state/status-store';
import { useStores } from '../../state/stores-store';
import { NoStoreYet } from '../../ui/NoStoreYet';
import { platformLabel, useWorkspace, type ConnectionSummary } from '../../state/workspace-store';
import { pauseAll, syncAll, type BulkResult } from './bulk';
import { ActivityCharts } from './ActivityCharts';
import { HealthCell } from './HealthCell';
import { healthOf, type HealthKind } from './health';
import { useStatusPolling } from './use-status-polling';

/** What the "needs attention" filter keeps: anything a person should look at. */
const NEEDS_ATTENTION: HealthKind[] = ['reauth', 'failing', 'offline', 'paused', 'never'];

export function DashboardPage() {
  const api = useApi();
  const go = useNav((s) => s.go);
  const stores = useStores((s) => s.stores);
  const { connections, platforms } = useWorkspace();
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<'all' | 'attention'>('all');
  const status = useStatus((s) => s.status);
  const progress = useStatus((s) => s.progress);
  const syncing = useStatus((s) => s.syncing);
  const [busy, setBusy] = useState<'pause' | 'sync' | null>(null);
  const [failures, setFailures] = useState<string[]>([]);

  const visibleStores = useMemo(() => {
    const q = query.trim().toLowerCase();
    const attention = (storeId: string) =>
      connections.some(
        (c) =>
          c.storeId === storeId &&
          NEEDS_ATTENTION.includes(healthOf(c, status[c.id], progress[c.id], syncing[c.id] ?? false).kind),
      );
    return stores.filter(
      (s) =>
        (!q || s.name.toLowerCase().includes(q) || s.storeHash.includes(q)) &&
        (show === 'all' || attention(s.id)),
    );
  }, [stores, query, show, connections, status, progress, syncing]);
  const visibleIds = new Set(visibleStores.map((s) => s.id));
  const visible = connections.filter((c) => visibleIds.has(c.storeId));
  const columns = [...new Set(connections.map((c) => c.platform))];
  useStatusPolling(visible.map((c) => c.id));

  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? id;
  const describe = (c: ConnectionSummary) =>
    `${storeName(c.storeId)} → ${platformLabel(platforms, c.platform)} (${c.name})`;
  const bulk = async (kind: 'pause' | 'sync') => {
    setBusy(kind);
    setFailures([]);
    const r: BulkResult = await (kind === 'pause' ? pauseAll : syncAll)(api, visible, describe);
    setBusy(null);
    setFailures(r.failures);
    notifications.show({
      color: r.failures.length ? 'orange' : 'green',
      title: kind === 'pause' ? 'Paused' : 'Sync finished',
      message: `${r.ok} connection(s) done, ${r.failures.length} failed.`,
    });
  };

  if (stores.length === 0)
    return (
      <NoStoreYet
        testId="area-dashboard"
        title="Dashboard"
        icon={<IconLayoutDashboard size={28} aria-hidden />}
        heading="Nothing to watch yet"
        emptyTestId="dashboard-empty"
      />
    );

  return (
    <Stack data-testid="area-dashboard">
      <Group justify="space-between">
        <Title order={2}>Dashboard</Title>
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlayerPause size={16} />}
            loading={busy === 'pause'}
            disabled={visible.length === 0}
            onClick={() => void bulk('pause')}
            data-testid="bulk-pause"
          >
            Pause all visible
          </Button>
          <Button
            leftSection={<IconRefresh size={16} />}
            loading={busy === 'sync'}
            disabled={visible.length === 0}
            onClick={() => void bulk('sync')}
            data-testid="bulk-sync"
          >
            Sync now ({visible.filter((c) => !c.paused).length})
          </Button>
        </Group>
      </Group>
      <Group align="center">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder="Search stores by name or hash"
          aria-label="Search stores"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-testid="dashboard-search"
          style={{ flex: 1 }}
        />
        <SegmentedControl
          aria-label="Show stores"
          data={[
            { value: 'all', label: 'All stores' },
            { value: 'attention', label: 'Needs attention' },
          ]}
          value={show}
          onChange={(v) => setShow(v as 'all' | 'attention')}
          data-testid="dashboard-filter"
        />
      </Group>
      {failures.length > 0 && (
        <Alert color="red" title="Some connections failed" data-testid="bulk-failures">
          {failures.map((f) => (
            <Text key={f} size="sm">
              {f}
            </Text>
          ))}
        </Alert>
      )}
      {connections.length === 0 && (
        <Alert color="blue" title="No connections yet" data-testid="dashboard-no-connections">
          Connect a store to a platform or to files to see its health here.{' '}
          <Button size="xs" variant="light" onClick={() => go('connections')}>
            Open Connections
          </Button>
        </Alert>
      )}
      {connections.length > 0 && <ActivityCharts />}
      <Table withTableBorder withColumnBorders data-testid="dashboard-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Store</Table.Th>
            {columns.map((p) => (
              <Table.Th key={p}>{platformLabel(platforms, p)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visibleStores.map((s) => (
            <Table.Tr key={s.id} data-testid="dashboard-row" data-store-hash={s.storeHash}>
              <Table.Td>
                <Text fw={500}>{s.name}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {s.storeHash}
                </Text>
              </Table.Td>
              {columns.map((p) => {
                const list = connections.filter((c) => c.storeId === s.id && c.platform === p);
                return (
                  <Table.Td key={p} valign="top">
                    {list.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        not connected
                      </Text>
                    ) : (
                      <Stack gap="xs">
                        {list.map((c) => (
                          <HealthCell key={c.id} connection={c} />
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {visibleStores.length === 0 && (
        <Text c="dimmed" data-testid="dashboard-no-match">
          No store matches {query ? `“${query}”` : 'this filter'}.
        </Text>
      )}
    </Stack>
  );
}
