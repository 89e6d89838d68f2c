// Runs in: renderer. Owns: the timeline of one record (a customer, an order...): every event about it across
// stores and platforms, oldest first, from the BigCommerce change to each platform's answer.
import { Alert, Badge, Drawer, Group, Loader, Text, Timeline } from '@mantine/core';
import { useEffect, useState } from 'react';
import { unwrap, useApi } from '../../state/api-context';
import type { LoggedEvent } from '../../state/events-store';
import { errorText } from '../../ui/errors';
import { stamp } from './EventRow';

interface Props {
  record: { recordType: string; recordId: string } | null;
  onClose(): void;
  where(e: Pick<LoggedEvent, 'storeId' | 'platform'>): string;
}

export function TimelineDrawer({ record, onClose, where }: Props) {
  const api = useApi();
  const key = record ? `${record.recordType}\u0000${record.recordId}` : '';
  // Keyed by record, so an answer for a record no longer shown is never displayed.
  const [result, setResult] = useState<{ key: string; events?: LoggedEvent[]; error?: string } | null>(null);
  useEffect(() => {
    if (!record) return;
    const k = `${record.recordType}\u0000${record.recordId}`;
    unwrap(api.events.timeline(record)).then(
      (events) => setResult({ key: k, events }),
      (err: unknown) =>
        setResult({ key: k, error: `${record.recordType} ${record.recordId}: ${errorText(err)}` }),
    );
  }, [api, record]);
  const current = result?.key === key ? result : null;
  const events = current?.events ?? null;
  const error = current?.error ?? null;

  return (
    <Drawer
      opened={record !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={record ? `Timeline of ${record.recordType} ${record.recordId}` : ''}
    >
      <div data-testid="timeline">
        {error && <Alert color="red">{error}</Alert>}
        {!events && !error && <Loader size="sm" />}
        {events && events.length === 0 && <Text c="dimmed">No events about this record.</Text>}
        {events && events.length > 0 && (
          <Timeline active={events.length} bulletSize={14} lineWidth={2}>
            {events.map((e) => (
              <Timeline.Item
                key={e.id}
                color={e.level === 'error' ? 'red' : e.level === 'warn' ? 'orange' : undefined}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {e.type}
                    </Text>
                    <Badge size="xs" variant="light">
                      {where(e)}
                    </Badge>
                  </Group>
                }
                data-testid="timeline-item"
              >
                <Text size="sm">{e.message}</Text>
                <Text size="xs" c="dimmed">
                  {stamp(e.at)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </div>
    </Drawer>
  );
}
