// Runs in: renderer. Owns: one cell of the store x platform matrix: health, last sync, queue and dead letters.
import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useStatus } from '../../state/status-store';
import type { ConnectionSummary } from '../../state/workspace-store';
import { ago, healthOf } from './health';

export function HealthCell({ connection: c }: { connection: ConnectionSummary }) {
  const status = useStatus((s) => s.status[c.id]);
  const progress = useStatus((s) => s.progress[c.id]);
  const syncing = useStatus((s) => s.syncing[c.id] ?? false);
  const error = useStatus((s) => s.errors[c.id]);
  const h = healthOf(c, status, progress, syncing);
  return (
    <Stack gap={2} data-testid="health-cell" data-health={h.kind} data-connection={c.id}>
      <Group gap={4}>
        <Tooltip label={h.detail ?? error ?? c.name} disabled={!h.detail && !error}>
          <Badge color={h.color} variant="light" data-testid="health-badge">
            {h.label}
          </Badge>
        </Tooltip>
      </Group>
      <Text size="xs" c="dimmed">
        {c.name}
      </Text>
      <Text size="xs" data-testid="health-last-sync">
        last sync {ago(status?.lastOk)}
      </Text>
      <Text size="xs" data-testid="health-queue">
        queue {status?.queue.queued ?? '–'} · dead{' '}
        <Text
          span
          c={status?.queue.dead ? 'red' : undefined}
          size="xs"
          fw={status?.queue.dead ? 700 : undefined}
        >
          {status?.queue.dead ?? '–'}
        </Text>
      </Text>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
