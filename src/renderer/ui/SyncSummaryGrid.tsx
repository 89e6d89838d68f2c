// Runs in: renderer. Owns: what a finished sync or export says: how it ended (and what that means for what
// is still queued) and its counts, as the connection screen and the archival export show them.
import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ChannelOutput } from '../../shared/contract/index';
import { awaitingNote, summaryFigures } from './summary-figures';

type SyncSummary = ChannelOutput<'sync:start'>;

interface Props {
  summary: SyncSummary;
  /** What a run that spent its API quota leaves for later, in this screen's words. */
  budgetHint?: string;
}

export function SyncSummaryGrid({ summary: s, budgetHint }: Props) {
  const awaiting = awaitingNote(s);
  return (
    <Stack gap="xs" data-testid="sync-summary" data-state={s.state}>
      {s.state !== 'drained' && (
        <Alert color="orange" title={`Ended ${s.state}`}>
          {s.state === 'offline'
            ? 'The destination stopped answering; what is queued is sent when it is back.'
            : s.state === 'budget'
              ? (budgetHint ?? 'The API quota for this run was spent; the rest follows on the next sync.')
              : 'The run was cancelled; what was queued stays queued.'}
        </Alert>
      )}
      {awaiting && (
        <Alert color="blue" title="Awaiting the platform" data-testid="summary-awaiting-note">
          {awaiting}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {summaryFigures(s).map(({ key, label, value }) => (
          <Stack key={key} gap={0}>
            <Text size="xl" fw={700} data-testid={`summary-${key}`}>
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
