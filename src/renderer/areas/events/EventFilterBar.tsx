// Runs in: renderer. Owns: the event log's filters (store, platform, type, level, full-text) and the live switch.
import { Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { EventFilters } from '../../state/events-store';
import { useStores } from '../../state/stores-store';
import { useWorkspace } from '../../state/workspace-store';

const knownTypes = [
  'sync.started',
  'sync.finished',
  'sync.failed',
  'extract.record',
  'delivery.batch',
  'delivery.ok',
  'delivery.submitted',
  'delivery.retry',
  'delivery.dead',
  'delivery.recovered',
  'connection.unreachable',
];

interface Props {
  filters: EventFilters;
  types: string[];
  live: boolean;
  onChange(f: EventFilters): void;
  onLive(live: boolean): void;
}

/** Memoised: the list's pages and live events re-render the page, and four Selects are not cheap. */
export const EventFilterBar = memo(function EventFilterBar({
  filters,
  types,
  live,
  onChange,
  onLive,
}: Props) {
  const stores = useStores((s) => s.stores);
  const platforms = useWorkspace((s) => s.platforms);
  const [text, setText] = useState(filters.text ?? '');
  const debounced = useDebouncedCallback((t: string) => onChange({ ...filters, text: t }), 250);
  const pick = (key: keyof EventFilters) => (v: string | null) =>
    onChange({ ...filters, [key]: v ?? undefined });
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label="Search"
        placeholder="message, record id, payload"
        leftSection={<IconSearch size={14} />}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          debounced(e.currentTarget.value);
        }}
        data-testid="events-search"
        w={240}
      />
      <Select
        label="Store"
        clearable
        data={stores.map((s) => ({ value: s.id, label: s.name }))}
        value={filters.storeId ?? null}
        onChange={pick('storeId')}
        data-testid="events-store"
        w={170}
      />
      <Select
        label="Platform"
        clearable
        data={platforms.map((p) => ({ value: p.platform, label: p.label }))}
        value={filters.platform ?? null}
        onChange={pick('platform')}
        data-testid="events-platform"
        w={170}
      />
      <Select
        label="Type"
        clearable
        searchable
        data={[...new Set([...types, ...knownTypes])].sort()}
        value={filters.type ?? null}
        onChange={pick('type')}
        data-testid="events-type"
        w={170}
      />
      <Select
        label="Level"
        clearable
        data={['debug', 'info', 'warn', 'error']}
        value={filters.level ?? null}
        onChange={pick('level')}
        data-testid="events-level"
        w={110}
      />
      <Switch
        label="Follow live"
        checked={live}
        onChange={(e) => onLive(e.currentTarget.checked)}
        data-testid="events-live"
        mb={8}
      />
    </Group>
  );
});
