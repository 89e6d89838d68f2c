// Runs in: renderer. Owns: the payload viewer of the selected event, its payload read from main on demand. Main
// redacts secrets before an event is stored; keys that look like secrets are masked here too.
import { Button, Card, Code, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { unwrap, useApi } from '../../state/api-context';
import type { EventSummary } from '../../state/events-store';
import { errorText } from '../../ui/errors';
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
  e: EventSummary;
  where: string;
  onTimeline(): void;
}

/** The selected event's payload as the viewer shows it; keyed by id so a late answer never shows under another. */
function usePayloadText(e: EventSummary): { text: string; loading: boolean } {
  const api = useApi();
  const [answer, setAnswer] = useState<{ id: number; text: string } | null>(null);
  useEffect(() => {
    if (!e.hasPayload) return;
    unwrap(api.events.get({ id: e.id })).then(
      (full) =>
        setAnswer({
          id: e.id,
          text:
            full === null
              ? '(this event has been removed from the log by retention)'
              : JSON.stringify(maskSecrets(full.payload), null, 2),
        }),
      (err: unknown) => setAnswer({ id: e.id, text: `The payload could not be read: ${errorText(err)}` }),
    );
  }, [api, e.id, e.hasPayload]);
  if (!e.hasPayload) return { text: '(no payload)', loading: false };
  if (answer?.id !== e.id) return { text: 'Loading the payload…', loading: true };
  return { text: answer.text, loading: false };
}

export function EventDetails({ e, where, onTimeline }: Props) {
  const hasRecord = !!(e.recordType && e.recordId);
  const payload = usePayloadText(e);
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
          <Code block data-testid="event-payload" aria-busy={payload.loading}>
            {payload.text}
          </Code>
        </ScrollArea.Autosize>
      </Stack>
    </Card>
  );
}
