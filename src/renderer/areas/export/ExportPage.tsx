// Runs in: renderer. Owns: the archival Export screen: choose files or connected platforms, resources and a
// date range; estimate (again, debounced, when the resources or dates change); run the history to each target
// with progress, rate and ETA; cancel and resume.
import { Alert, Button, Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../state/api-context';
import { useNav } from '../../state/nav-store';
import { useStores } from '../../state/stores-store';
import { platformLabel, useWorkspace } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';
import { EstimateTable, type TargetEstimate } from './EstimateTable';
import { choiceProblem, estimateAll, estimateInput, prepareExport, runOptions } from './export-actions';
import { useExportRun } from './export-store';
import { ExportForm, resources, type ExportChoices } from './ExportForm';
import { ExportRunCard } from './ExportRunCard';
import { Reestimator } from './re-estimate';

type EstimateTarget = { connectionId: string; what: string };
/** Changing only these keeps the estimated targets, so the estimate can follow them without a click. */
const reestimated = new Set<keyof ExportChoices>(['resources', 'from', 'to']);

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
  const [updating, setUpdating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The targets the shown estimate is for (the file connection is prepared once, by the Estimate button). */
  const estimated = useRef<EstimateTarget[] | null>(null);
  const [re] = useState(
    () =>
      new Reestimator(
        (a: { targets: EstimateTarget[]; choices: ExportChoices }) =>
          estimateAll(api, a.targets, estimateInput(runOptions(a.choices))),
        { pending: setUpdating, result: setEstimates, error: (err) => setError(errorText(err)) },
      ),
  );
  useEffect(() => () => re.cancel(), [re]);
  const set = (p: Partial<ExportChoices>) => {
    const next = { ...v, ...p };
    setV(next);
    const targetsKept = (Object.keys(p) as Array<keyof ExportChoices>).every((k) => reestimated.has(k));
    if (!targetsKept || !estimated.current) {
      estimated.current = null;
      re.cancel();
      setEstimates(null);
      return;
    }
    const problem = choiceProblem(next);
    setError(problem);
    if (problem) {
      re.cancel();
      setEstimates(null);
    } else re.request({ targets: estimated.current, choices: next });
  };

  /** The connections the choices name, creating the file export connection when needed. */
  const targets = async () => {
    const problem = choiceProblem(v);
    if (problem) throw new Error(problem);
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
  const estimate = () =>
    guard(async () => {
      re.cancel();
      const list = await targets();
      estimated.current = list;
      setEstimates(await estimateAll(api, list, estimateInput(runOptions(v))));
    });
  const start = () =>
    guard(async () => {
      const list = await targets();
      const known = new Map((estimates ?? []).map((e) => [e.connectionId, e.estimate]));
      void run.start(
        api,
        list.map((t) => ({ ...t, estimate: known.get(t.connectionId) })),
        runOptions(v),
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
      {estimates && <EstimateTable rows={estimates} updating={updating} />}
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
