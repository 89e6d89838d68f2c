// Runs in: renderer. Owns: running one sync (first sync, "Sync now", an export) with live progress from
// `sync:progress` and a summary when main answers; shared by the wizard and the export screen.
import { Alert, Badge, Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { unwrap, useApi } from '../../state/api-context';
import { errorText } from '../../ui/errors';
import { SyncSummaryGrid } from '../../ui/SyncSummaryGrid';
import { awaitingProgress } from '../../ui/summary-figures';
import type { ChannelOutput } from '../../../shared/contract/index';
import { useStatus } from '../../state/status-store';

export type SyncSummary = ChannelOutput<'sync:start'>;

const phases = ['extract', 'plan', 'deliver', 'done'] as const;

interface Props {
  connectionId: string;
  summary: SyncSummary | null;
  error: string | null;
  /** Names the store and destination in errors and headings. */
  what: string;
}

export function SyncRun({ connectionId, summary, error, what }: Props) {
  const api = useApi();
  const progress = useStatus((s) => s.progress[connectionId]);
  // Stops after the batch in flight is recorded; the next run resumes where this one stopped.
  const cancel = () =>
    unwrap(api.sync.cancel({ connectionId })).catch((err: unknown) =>
      notifications.show({ color: 'red', title: `Cancel failed: ${what}`, message: errorText(err) }),
    );
  const phase = summary ? 'done' : (progress?.phase ?? 'extract');
  const step = phases.indexOf(phase);
  const planned = progress?.planned ?? 0;
  const delivered = progress?.delivered ?? 0;
  const pct = summary
    ? 100
    : planned > 0
      ? Math.min(99, (delivered / planned) * 100)
      : ((step + 1) / 5) * 100;
  return (
    <Stack data-testid="sync-run" data-phase={phase}>
      <Group gap="xs">
        {!summary && !error && <Loader size="xs" />}
        <Text fw={500}>
          {summary ? `Sync of ${what} finished` : error ? `Sync of ${what} failed` : `Syncing ${what}…`}
        </Text>
        {phases.map((p, i) => (
          <Badge
            key={p}
            variant={i <= step ? 'filled' : 'outline'}
            color={i < step || summary ? 'green' : 'blue'}
          >
            {p}
          </Badge>
        ))}
      </Group>
      <Progress
        value={pct}
        animated={!summary && !error}
        aria-label="Sync progress"
        data-testid="sync-progress"
      />
      {!summary && !error && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="sync-live">
            read {progress?.staged ?? 0} · planned {planned} · delivered {delivered}
            {awaitingProgress(progress) && ` · ${awaitingProgress(progress)}`}
          </Text>
          <Button size="xs" variant="default" onClick={() => void cancel()} data-testid="sync-cancel">
            Cancel
          </Button>
        </Group>
      )}
      {error && (
        <Alert color="red" title={`The sync of ${what} stopped`} data-testid="sync-error">
          {error}
        </Alert>
      )}
      {summary && <SyncSummaryGrid summary={summary} />}
    </Stack>
  );
}
