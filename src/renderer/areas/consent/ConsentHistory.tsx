// Runs in: renderer. Owns: a person's consent history, newest first, each action with its provenance: the
// system it came from, how, who acted, and whether it was the person's own explicit act.
import { Badge, Group, Text, Timeline, Title } from '@mantine/core';
import { useWorkspace } from '../../state/workspace-store';
import { dateTime } from '../../ui/format';
import type { ConsentFact } from './consent-shapes';
import { stateColor, systemLabel } from './system-label';

export function ConsentHistory({ facts }: { facts: ConsentFact[] }) {
  const { connections, platforms } = useWorkspace();
  const newestFirst = [...facts].reverse();
  return (
    <>
      <Title order={4} size="h5">
        History ({facts.length})
      </Title>
      <Timeline bulletSize={14} lineWidth={2} data-testid="consent-history">
        {newestFirst.map((f, i) => (
          <Timeline.Item
            key={f.id ?? i}
            color={stateColor(f.state)}
            data-testid="consent-fact"
            title={
              <Group gap="xs">
                <Badge size="sm" variant="light" color={stateColor(f.state)}>
                  {f.state}
                </Badge>
                <Text size="sm" fw={500}>
                  {systemLabel(
                    f.connectionId ?? (f.source === 'storefront' ? 'bigcommerce' : f.source),
                    connections,
                    platforms,
                  )}
                </Text>
              </Group>
            }
          >
            <Text size="sm">{f.mechanism}</Text>
            <Text size="xs" c="dimmed">
              {dateTime(f.at)} · by {f.actor} ·{' '}
              {f.explicit ? 'explicit act' : 'sync or import (may only lower consent)'}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </>
  );
}
