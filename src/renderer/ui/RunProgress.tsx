// Runs in: renderer. Owns: the progress of one long run: a bar, what is done of what, the rate and the ETA
// (from main when it sends them, else measured here), shared by every screen that runs something long.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { count, duration } from './format';

export interface RunFigures {
  label: string;
  done: number;
  total: number | null;
  perSecond: number | null;
  etaSeconds: number | null;
  /** What the unit is: "records", "jobs". */
  unit: string;
}

export function RunProgress({ f, active, testId }: { f: RunFigures; active: boolean; testId?: string }) {
  const pct = f.total ? Math.min(100, (f.done / f.total) * 100) : active ? 5 : 100;
  return (
    <Stack gap={4} data-testid={testId}>
      <Progress value={pct} animated={active} aria-label={f.label} />
      <Group justify="space-between">
        <Text size="sm" data-testid={testId && `${testId}-done`}>
          {count(f.done)}
          {f.total !== null ? ` of ${count(f.total)}` : ''} {f.unit}
        </Text>
        <Text size="sm" c="dimmed" data-testid={testId && `${testId}-pace`}>
          {f.perSecond !== null
            ? `${f.perSecond.toFixed(f.perSecond < 10 ? 1 : 0)} ${f.unit}/s`
            : 'measuring…'}
          {f.etaSeconds !== null ? ` · about ${duration(f.etaSeconds)} left` : ''}
        </Text>
      </Group>
    </Stack>
  );
}
