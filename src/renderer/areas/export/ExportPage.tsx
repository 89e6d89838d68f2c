// Runs in: renderer. Owns: the Export screen: choose a store, a folder and a format (and optionally a date
// range), then export its history to files with live progress and a summary.
import {
  Alert,
  Button,
  Card,
  EmptyState,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../state/api-context';
import { useNav } from '../../state/nav-store';
import { useStatus } from '../../state/status-store';
import { useStores } from '../../state/stores-store';
import { useWorkspace } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';
import { syncOnce } from '../connections/run-sync';
import { SyncRun, type SyncSummary } from '../connections/SyncRun';
import { prepareExport } from './export-actions';

export function ExportPage() {
  const api = useApi();
  const go = useNav((s) => s.go);
  const stores = useStores((s) => s.stores);
  const { accounts, connections } = useWorkspace();
  const [storeId, setStoreId] = useState<string | null>(stores[0]?.id ?? null);
  const [directory, setDirectory] = useState('');
  const [format, setFormat] = useState<'ndjson' | 'csv'>('ndjson');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [summary, setSummary] = useState<SyncSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useStatus((s) => (connectionId ? (s.syncing[connectionId] ?? false) : false));
  const store = stores.find((s) => s.id === storeId);
  const what = `${store?.name ?? 'store'} → ${format.toUpperCase()} files in ${directory || '…'}`;

  const start = async () => {
    setError(null);
    setSummary(null);
    setConnectionId(null);
    if (!store) return setError('Choose the store to export.');
    if (!directory.trim()) return setError('Give the folder the files are written to (a full path).');
    if (from && to && from > to) return setError('The end date is before the start date.');
    try {
      const c = await prepareExport(
        api,
        { storeId: store.id, storeName: store.name, directory: directory.trim(), format },
        accounts,
        connections,
      );
      setConnectionId(c.id);
      setSummary(
        await syncOnce(api, c.id, {
          historical: true,
          from: from ? new Date(from).toISOString() : undefined,
          to: to ? new Date(`${to}T23:59:59`).toISOString() : undefined,
        }),
      );
    } catch (err) {
      setError(`${what}: ${errorText(err)}`);
    }
  };

  if (stores.length === 0)
    return (
      <Stack data-testid="area-export">
        <Title order={2}>Export</Title>
        <EmptyState
          icon={<IconFileExport size={28} aria-hidden />}
          title="Nothing to export yet"
          description="Start by adding a BigCommerce store: everything else builds on it."
        >
          <EmptyState.Actions>
            <Button onClick={() => go('stores')}>Add a store</Button>
          </EmptyState.Actions>
        </EmptyState>
      </Stack>
    );

  return (
    <Stack data-testid="area-export" maw={760}>
      <Title order={2}>Export</Title>
      <Text c="dimmed">
        Copies a store's customers, orders and products to files, one line or row per record. Exporting again
        to the same folder sends only what changed.
      </Text>
      <Card withBorder>
        <Stack>
          <Select
            label="Store"
            data={stores.map((s) => ({ value: s.id, label: `${s.name} (${s.storeHash})` }))}
            value={storeId}
            onChange={setStoreId}
            data-testid="export-store"
            required
          />
          <TextInput
            label="Folder"
            description="A full path on this computer; it is created if missing"
            placeholder="/home/me/exports/acme"
            value={directory}
            onChange={(e) => setDirectory(e.currentTarget.value)}
            data-testid="export-directory"
            required
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="export-format-label">
              Format
            </Text>
            <SegmentedControl
              aria-labelledby="export-format-label"
              data={[
                { value: 'ndjson', label: 'NDJSON (one JSON per line)' },
                { value: 'csv', label: 'CSV (spreadsheets)' },
              ]}
              value={format}
              onChange={(v) => setFormat(v as 'ndjson' | 'csv')}
              data-testid="export-format"
            />
          </Stack>
          <Group grow>
            <TextInput
              type="date"
              label="From (optional)"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              data-testid="export-from"
            />
            <TextInput
              type="date"
              label="To (optional)"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              data-testid="export-to"
            />
          </Group>
          <Group justify="flex-end">
            <Button onClick={() => void start()} loading={running} data-testid="export-start">
              Export
            </Button>
          </Group>
        </Stack>
      </Card>
      {error && !connectionId && (
        <Alert color="red" title="The export did not start" data-testid="export-error">
          {error}
        </Alert>
      )}
      {connectionId && <SyncRun connectionId={connectionId} summary={summary} error={error} what={what} />}
    </Stack>
  );
}
