// Runs in: renderer. Owns: the Event log screen: the live, filtered, windowed log with a payload viewer, the
// dead letters per connection, and the timeline of one record opened from either.
import { Alert, Button, EmptyState, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../../state/api-context';
import { useEvents, type EventFilters, type EventSummary } from '../../state/events-store';
import { useNav } from '../../state/nav-store';
import { useStores } from '../../state/stores-store';
import { platformLabel, useWorkspace } from '../../state/workspace-store';
import { VirtualList } from '../../ui/VirtualList';
import { DeadLetters } from './DeadLetters';
import { EventDetails } from './EventDetails';
import { EventFilterBar } from './EventFilterBar';
import { EventRow, ROW_HEIGHT } from './EventRow';
import { TimelineDrawer } from './TimelineDrawer';

type Rec = { recordType: string; recordId: string };

export function EventsPage() {
  const api = useApi();
  const go = useNav((s) => s.go);
  const stores = useStores((s) => s.stores);
  const platforms = useWorkspace((s) => s.platforms);
  const { rows, filters, loading, hasMore, error, live, setFilters, loadOlder, setLive } = useEvents();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [record, setRecord] = useState<Rec | null>(null);

  // storebridge://events?record=customers:123 (a notification or link): open that record's timeline. Adjusted
  // while rendering (React's pattern for state derived from a changed input), then the focus is consumed.
  const focus = useNav((s) => s.focus);
  const [seenFocus, setSeenFocus] = useState(focus);
  if (focus !== seenFocus) {
    setSeenFocus(focus);
    const ref = focus?.area === 'events' ? (focus.record ?? '') : '';
    const i = ref.indexOf(':');
    if (i > 0) setRecord({ recordType: ref.slice(0, i), recordId: ref.slice(i + 1) });
  }
  useEffect(() => {
    if (focus?.area === 'events') useNav.getState().clearFocus();
  }, [focus]);

  useEffect(() => {
    void useEvents.getState().setFilters(api, useEvents.getState().filters);
    return useEvents.getState().follow(api);
  }, [api]);

  const storeName = (id: string | null) => (id ? (stores.find((s) => s.id === id)?.name ?? id) : '');
  const platformName = (p: string | null) => platformLabel(platforms, p);
  const where = (e: Pick<EventSummary, 'storeId' | 'platform'>) =>
    [storeName(e.storeId), e.platform ? platformName(e.platform) : ''].filter(Boolean).join(' → ') ||
    'Storebridge';
  // Kept the same array while the types seen are the same, so a page or a live event arriving does not
  // re-render the filter bar.
  const typeList = useMemo(
    () => [...new Set(rows.slice(0, 2000).map((r) => r.type))].sort().join('\n'),
    [rows],
  );
  const types = useMemo(() => (typeList ? typeList.split('\n') : []), [typeList]);
  const onFilters = useCallback(
    (f: EventFilters) => {
      setSelectedId(null);
      void setFilters(api, f);
    },
    [api, setFilters],
  );
  // Selection follows the event, not the position: live events are prepended above it.
  const selected = useMemo(
    () => (selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)),
    [rows, selectedId],
  );
  const setSelected = (i: number) => setSelectedId(rows[i]?.id ?? null);
  const current = selected >= 0 ? rows[selected] : undefined;
  const openTimeline = (e: EventSummary | undefined) => {
    if (e?.recordType && e.recordId) setRecord({ recordType: e.recordType, recordId: e.recordId });
  };

  if (stores.length === 0)
    return (
      <Stack data-testid="area-events">
        <Title order={2}>Event log</Title>
        <EmptyState
          icon={<IconListDetails size={28} aria-hidden />}
          title="No events yet"
          description="Start by adding a BigCommerce store: everything else builds on it."
        >
          <EmptyState.Actions>
            <Button onClick={() => go('stores')}>Add a store</Button>
          </EmptyState.Actions>
        </EmptyState>
      </Stack>
    );

  return (
    <Stack data-testid="area-events">
      <Title order={2}>Event log</Title>
      <Tabs defaultValue="log" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="log" data-testid="tab-log">
            Log
          </Tabs.Tab>
          <Tabs.Tab value="dead" data-testid="tab-dead">
            Dead letters
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log" pt="sm">
          <Stack gap="sm">
            <EventFilterBar
              filters={filters}
              types={types}
              live={live}
              onChange={onFilters}
              onLive={setLive}
            />
            <Group gap="xs">
              <Text size="sm" c="dimmed" data-testid="events-count">
                {rows.length.toLocaleString('en-US')} event(s){hasMore ? ' loaded, older ones on demand' : ''}
              </Text>
              {loading && !hasMore && <Loader size="xs" />}
              {hasMore && (
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={loading}
                  onClick={() => void loadOlder(api)}
                  data-testid="events-older"
                >
                  Load older
                </Button>
              )}
            </Group>
            {error && (
              <Alert color="red" title="The log could not be read">
                {error}
              </Alert>
            )}
            {!loading && rows.length === 0 ? (
              <Text c="dimmed" data-testid="events-empty">
                No events match. Events appear here as connections sync.
              </Text>
            ) : (
              <VirtualList
                items={rows}
                rowHeight={ROW_HEIGHT}
                height={420}
                selected={selected}
                onSelect={setSelected}
                onActivate={(i) => openTimeline(rows[i])}
                label="Event log: arrow keys move, Enter opens the record's timeline"
                testId="events-list"
                renderRow={(e, _i, sel) => <EventRow e={e} selected={sel} where={where(e)} />}
              />
            )}
            {current && (
              <EventDetails e={current} where={where(current)} onTimeline={() => openTimeline(current)} />
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="dead" pt="sm">
          <DeadLetters onTimeline={setRecord} />
        </Tabs.Panel>
      </Tabs>
      <TimelineDrawer record={record} onClose={() => setRecord(null)} where={where} />
    </Stack>
  );
}
