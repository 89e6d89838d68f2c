// Runs in: renderer. Owns: one fixed-height row of the event log.
import { Badge, Group, Text } from '@mantine/core';
import type { LoggedEvent } from '../../state/events-store';

const levelColor: Record<string, string> = { debug: 'gray', info: 'blue', warn: 'orange', error: 'red' };
export const ROW_HEIGHT = 34;

/** Local time as 2026-01-31 14:05:09: sortable, fixed width, one line. */
export function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

interface Props {
  e: LoggedEvent;
  selected: boolean;
  storeName(id: string | null): string;
  platformName(p: string | null): string;
}

export function EventRow({ e, selected, storeName, platformName }: Props) {
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      px="xs"
      h={ROW_HEIGHT}
      data-testid="event-row"
      data-event-id={e.id}
      data-type={e.type}
      style={{
        borderBottom: '1px solid var(--mantine-color-default-border)',
        background: selected ? 'var(--mantine-primary-color-light)' : undefined,
        cursor: 'pointer',
      }}
    >
      <Text size="xs" ff="monospace" w={140} style={{ flexShrink: 0 }}>
        {stamp(e.at)}
      </Text>
      <Badge size="xs" w={52} color={levelColor[e.level]} variant="light" style={{ flexShrink: 0 }}>
        {e.level}
      </Badge>
      <Text size="xs" w={130} truncate style={{ flexShrink: 0 }}>
        {e.type}
      </Text>
      <Text size="xs" w={220} truncate c="dimmed" style={{ flexShrink: 0 }}>
        {storeName(e.storeId)} {e.platform ? `→ ${platformName(e.platform)}` : ''}
      </Text>
      <Text size="xs" truncate style={{ flex: 1 }}>
        {e.recordType && e.recordId ? `[${e.recordType} ${e.recordId}] ` : ''}
        {e.message}
      </Text>
    </Group>
  );
}
