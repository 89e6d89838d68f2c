// Runs in: renderer. Owns: one export target while it runs and after: its state, the progress bar with rate
// and ETA fed by `sync:progress`, and the summary when it ends (or why it stopped).
import { Alert, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStatus } from '../../state/status-store';
import { RunProgress } from '../../ui/RunProgress';
import { SyncSummaryGrid } from '../../ui/SyncSummaryGrid';
import { addSample, type Sample } from '../../ui/rate';
import { awaitingProgress } from '../../ui/summary-figures';
import type { Target } from './export-store';
import { runFigures } from './run-figures';

const statusColor = {
  queued: 'gray',
  running: 'blue',
  cancelled: 'orange',
  failed: 'red',
  done: 'green',
} as const;

export function ExportRunCard({ t }: { t: Target }) {
  const progress = useStatus((s) => s.progress[t.connectionId]);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (t.status !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [t.status]);
  // Each delivery report is a sample of the pace; a new run starts a new series.
  useEffect(
    () =>
      useStatus.subscribe((s, prev) => {
        const p = s.progress[t.connectionId];
        if (p === prev.progress[t.connectionId] || p?.phase !== 'deliver') return;
        setSamples((old) => addSample(old, { at: Date.now(), done: p.delivered ?? 0 }));
      }),
    [t.connectionId, t.startedAt],
  );
  const live = t.status === 'running' ? progress : undefined;
  return (
    <Card withBorder data-testid="export-run" data-status={t.status} data-connection={t.connectionId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={500}>{t.what}</Text>
          <Badge variant="light" color={statusColor[t.status]} data-testid="export-run-status">
            {t.status === 'running' ? (live?.phase ?? 'starting') : t.status}
          </Badge>
        </Group>
        {t.status !== 'queued' && (
          <RunProgress
            f={runFigures(t, live, samples, now)}
            active={t.status === 'running'}
            testId="export-progress"
          />
        )}
        {awaitingProgress(live) && (
          <Text size="sm" c="dimmed" data-testid="export-awaiting">
            {awaitingProgress(live)}
          </Text>
        )}
        {t.status === 'cancelled' && (
          <Alert color="orange" title="Cancelled" data-testid="export-cancelled">
            What was read and queued is kept; resume to go on from there.
          </Alert>
        )}
        {t.status === 'failed' && (
          <Alert color="red" title={`The export of ${t.what} stopped`} data-testid="sync-error">
            {t.error}
          </Alert>
        )}
        {t.summary && (
          <SyncSummaryGrid
            summary={t.summary}
            budgetHint="The API quota for this run was spent; resume to send the rest."
          />
        )}
      </Stack>
    </Card>
  );
}
