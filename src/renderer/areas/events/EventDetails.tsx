// Runs in: renderer. Owns: the payload viewer of the selected event. Main redacts secrets before an event is
// stored; keys that look like secrets are masked here too, so a credential can never be shown.
import { Button, Card, Code, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import type { LoggedEvent } from '../../state/events-store';
import { stamp } from './EventRow';

const SECRET_KEY = /(pass(word)?|secret|token|api[-_]?key|authorization|credential)/i;

export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '••••' : maskSecrets(v)]),
    );
  return value;
}

interface Props {
  e: LoggedEvent;
  where: string;
  onTimeline(): void;
}

export function EventDetails({ e, where, onTimeline }: Props) {
  const hasRecord = !!(e.recordType && e.recordId);
  return (
    <Card withBorder data-testid="event-details">
      <Stack gap="xs">
        <Group justify="space-between">
          <Stack gap={0}>
            <Text fw={600}>
              #{e.id} {e.type}
            </Text>
            <Text size="sm" c="dimmed">
              {stamp(e.at)} · {where}
              {hasRecord ? ` · ${e.recordType} ${e.recordId}` : ''}
            </Text>
          </Stack>
          <Button
            leftSection={<IconTimeline size={16} />}
            disabled={!hasRecord}
            onClick={onTimeline}
            data-testid="open-timeline"
          >
            {hasRecord ? `Timeline of ${e.recordType} ${e.recordId}` : 'No record to follow'}
          </Button>
        </Group>
        <Text size="sm">{e.message}</Text>
        <ScrollArea.Autosize mah={220}>
          <Code block data-testid="event-payload">
            {e.payload === null || e.payload === undefined
              ? '(no payload)'
              : JSON.stringify(maskSecrets(e.payload), null, 2)}
          </Code>
        </ScrollArea.Autosize>
      </Stack>
    </Card>
  );
}
