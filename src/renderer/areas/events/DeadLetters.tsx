// Runs in: renderer. Owns: the dead letters of one connection (records the platform refused for good), with
// replay of one or all after the cause is fixed.
import { Alert, Button, EmptyState, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailbox } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract/index';
import { unwrap, useApi } from '../../state/api-context';
import { useStores } from '../../state/stores-store';
import { platformLabel, useWorkspace } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';

type DeadLetter = ChannelOutput<'queue:deadLetters'>[number];

export function DeadLetters({
  onTimeline,
}: {
  onTimeline(r: { recordType: string; recordId: string }): void;
}) {
  const api = useApi();
  const stores = useStores((s) => s.stores);
  const { connections, platforms } = useWorkspace();
  const [id, setId] = useState<string | null>(connections[0]?.id ?? null);
  const [rows, setRows] = useState<DeadLetter[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | 'all' | null>(null);
  const label = (cid: string) => {
    const c = connections.find((x) => x.id === cid);
    if (!c) return cid;
    return `${stores.find((s) => s.id === c.storeId)?.name ?? c.storeId} → ${platformLabel(platforms, c.platform)} (${c.name})`;
  };

  const load = useCallback(() => {
    if (!id) return Promise.resolve();
    return unwrap(api.queue.deadLetters({ id })).then(
      (r) => {
        setRows(r);
        setError(null);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [api, id]);
  useEffect(() => {
    void load();
  }, [load]);

  const replay = async (jobIds?: number[]) => {
    if (!id) return;
    setBusy(jobIds?.[0] ?? 'all');
    try {
      const r = await unwrap(api.queue.replay({ connectionId: id, ...(jobIds ? { jobIds } : {}) }));
      notifications.show({
        color: 'green',
        title: 'Replayed',
        message: `${r.replayed} record(s) queued again for ${label(id)}.`,
      });
      await load();
    } catch (err) {
      setError(`Replay failed: ${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };

  if (connections.length === 0)
    return <Text c="dimmed">No connections yet: dead letters appear here once a connection delivers.</Text>;
  return (
    <Stack data-testid="dead-letters">
      <Group align="flex-end">
        <Select
          label="Connection"
          data={connections.map((c) => ({ value: c.id, label: label(c.id) }))}
          value={id}
          onChange={setId}
          w={420}
          data-testid="dead-letters-connection"
        />
        <Button
          onClick={() => void replay()}
          loading={busy === 'all'}
          disabled={!rows || rows.length === 0}
          data-testid="replay-all"
        >
          Replay all ({rows?.length ?? 0})
        </Button>
      </Group>
      {error && (
        <Alert color="red" title={id ? label(id) : undefined} data-testid="dead-letters-error">
          {error}
        </Alert>
      )}
      {rows && rows.length === 0 && (
        <EmptyState
          icon={<IconMailbox size={28} aria-hidden />}
          title="No dead letters"
          description={`Every record of ${id ? label(id) : 'this connection'} was accepted or is still queued.`}
          data-testid="dead-letters-empty"
        />
      )}
      {rows && rows.length > 0 && (
        <Table data-testid="dead-letters-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Record</Table.Th>
              <Table.Th>Why it was refused</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.jobId} data-testid="dead-letter-row">
                <Table.Td>
                  {d.entityType} {d.entityId}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="red">
                    {d.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onTimeline({ recordType: d.entityType, recordId: d.entityId })}
                    >
                      Timeline
                    </Button>
                    <Button
                      size="xs"
                      loading={busy === d.jobId}
                      onClick={() => void replay([d.jobId])}
                      data-testid="replay-one"
                    >
                      Replay
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
