// Runs in: renderer. Owns: the archival Export screen: choose files or connected platforms, resources and a
// date range; estimate; run the history to each target with progress, rate and ETA; cancel and resume.
import { Alert, Button, Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../state/api-context';
import { useNav } from '../../state/nav-store';
import { useStores } from '../../state/stores-store';
import { platformLabel, useWorkspace } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';
import { EstimateTable, type TargetEstimate } from './EstimateTable';
import { estimateAll, prepareExport } from './export-actions';
import { useExportRun, type RunOptions } from './export-store';
import { ExportForm, resources, type ExportChoices } from './ExportForm';
import { ExportRunCard } from './ExportRunCard';

export function ExportPage() {
  const api = useApi();
  const go = useNav((s) => s.go);
  const stores = useStores((s) => s.stores);
  const { accounts, connections, platforms } = useWorkspace();
  const run = useExportRun();
  const [v, setV] = useState<ExportChoices>({
    destination: 'files',
    storeId: stores[0]?.id ?? null,
    directory: '',
    format: 'ndjson',
    connectionIds: [],
    resources: resources.filter((r) => r !== 'carts'),
    from: '',
    to: '',
  });
  const [estimates, setEstimates] = useState<TargetEstimate[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (p: Partial<ExportChoices>) => {
    setV((old) => ({ ...old, ...p }));
    setEstimates(null);
  };

  /** The connections the choices name, creating the file export connection when needed. */
  const targets = async () => {
    if (v.resources.length === 0) throw new Error('Choose at least one resource to export.');
    if (v.from && v.to && v.from > v.to) throw new Error('The end date is before the start date.');
    if (v.destination === 'connections') {
      if (v.connectionIds.length === 0) throw new Error('Choose the connections to send the history to.');
      return v.connectionIds.map((id) => {
        const c = connections.find((x) => x.id === id)!;
        const store = stores.find((s) => s.id === c.storeId);
        return {
          connectionId: id,
          what: `${store?.name ?? c.storeId} → ${c.name} (${platformLabel(platforms, c.platform)})`,
        };
      });
    }
    const store = stores.find((s) => s.id === v.storeId);
    if (!store) throw new Error('Choose the store to export.');
    if (!v.directory.trim()) throw new Error('Give the folder the files are written to (a full path).');
    const choice = {
      storeId: store.id,
      storeName: store.name,
      directory: v.directory.trim(),
      format: v.format,
    };
    const c = await prepareExport(api, choice, accounts, connections);
    return [
      { connectionId: c.id, what: `${store.name} → ${v.format.toUpperCase()} files in ${choice.directory}` },
    ];
  };
  const options = (): RunOptions => ({
    historical: true,
    resources: v.resources,
    from: v.from ? new Date(v.from).toISOString() : undefined,
    to: v.to ? new Date(`${v.to}T23:59:59`).toISOString() : undefined,
  });
  const guard = async (fn: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const estimate = () => guard(async () => setEstimates(await estimateAll(api, await targets())));
  const start = () =>
    guard(async () => {
      const list = await targets();
      const known = new Map((estimates ?? []).map((e) => [e.connectionId, e.estimate]));
      void run.start(
        api,
        list.map((t) => ({ ...t, estimate: known.get(t.connectionId) })),
        options(),
      );
    });
  const canResume =
    !run.running && run.targets.some((t) => t.status === 'cancelled' || t.status === 'failed');

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
    <Stack data-testid="area-export" maw={900}>
      <Title order={2}>Export</Title>
      <Text c="dimmed">
        Copies a store's history to files (one line or row per record) or to connected platforms. Estimate
        first to see how long the rate limits make it take. Exporting again sends only what changed.
      </Text>
      <Card withBorder>
        <Stack>
          <ExportForm v={v} set={set} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => void estimate()}
              loading={busy && !run.running}
              data-testid="export-estimate-button"
            >
              Estimate
            </Button>
            <Button
              onClick={() => void start()}
              loading={run.running}
              disabled={busy}
              data-testid="export-start"
            >
              Start export
            </Button>
          </Group>
        </Stack>
      </Card>
      {error && (
        <Alert color="red" title="The export did not start" data-testid="export-error">
          {error}
        </Alert>
      )}
      {estimates && <EstimateTable rows={estimates} />}
      {run.targets.length > 0 && (
        <Stack data-testid="export-runs">
          <Group justify="space-between">
            <Title order={3} size="h4">
              {run.running ? 'Exporting…' : 'Last export'}
            </Title>
            <Group gap="xs">
              {run.running && (
                <Button
                  size="xs"
                  variant="default"
                  loading={run.stopping}
                  onClick={() =>
                    void run.cancel(api).catch((err: unknown) => setError(`Cancel: ${errorText(err)}`))
                  }
                  data-testid="export-cancel"
                >
                  Cancel
                </Button>
              )}
              {canResume && (
                <Button size="xs" onClick={() => void run.resume(api)} data-testid="export-resume">
                  Resume
                </Button>
              )}
            </Group>
          </Group>
          {run.targets.map((t) => (
            <ExportRunCard key={t.connectionId} t={t} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
