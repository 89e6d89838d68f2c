// Runs in: renderer. Owns: one export target while it runs and after: its state, the progress bar with rate
// and ETA fed by `sync:progress`, and the summary when it ends (or why it stopped).
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStatus } from '../../state/status-store';
import { RunProgress } from '../../ui/RunProgress';
import { addSample, type Sample } from '../../ui/rate';
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
        {t.summary && <Summary s={t.summary} />}
      </Stack>
    </Card>
  );
}

function Summary({ s }: { s: NonNullable<Target['summary']> }) {
  const items: Array<[string, number | string]> = [
    ['read from BigCommerce', s.extracted],
    ['queued', s.queued],
    ['unchanged', s.unchanged],
    ['delivered', s.delivered],
    ['dead letters', s.dead],
    ['seconds', ((s.finishedAt - s.startedAt) / 1000).toFixed(1)],
  ];
  return (
    <Stack gap="xs" data-testid="sync-summary" data-state={s.state}>
      {s.state !== 'drained' && (
        <Text size="sm">
          Ended {s.state}:{' '}
          {s.state === 'offline'
            ? 'the destination stopped answering; what is queued is sent when it is back.'
            : 'the API quota for this run was spent; resume to send the rest.'}
        </Text>
      )}
      <SimpleGrid cols={{ base: 3, sm: 6 }}>
        {items.map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text size="lg" fw={700} data-testid={`summary-${label.split(' ')[0]}`}>
              {value}
            </Text>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
