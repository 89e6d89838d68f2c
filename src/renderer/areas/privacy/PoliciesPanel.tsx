// Runs in: renderer. Owns: scheduled anonymisation policies: the list, adding one, and for each a preview of
// who it would affect now, running it (after that preview) and removing it.
import { Alert, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { unwrap, useApi } from '../../state/api-context';
import { useStores } from '../../state/stores-store';
import { errorText } from '../../ui/errors';
import { dateTime } from '../../ui/format';
import { ask } from '../../ui/parse-answer';
import { AddPolicyForm } from './AddPolicyForm';
import { policyPreviewSchema, policyRunSchema, policySchema, type Policy } from './privacy-shapes';

type Preview = { id: string; affected: string[] };

export function PoliciesPanel() {
  const api = useApi();
  const stores = useStores((s) => s.stores);
  const [policies, setPolicies] = useState<Policy[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [note, setNote] = useState<{ color: string; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(() => {
    ask(api.policies.list({}), z.array(policySchema), 'policies:list').then(setPolicies, (err: unknown) =>
      setNote({ color: 'red', text: `Reading the policies: ${errorText(err)}` }),
    );
  }, [api]);
  useEffect(load, [load]);

  const act = async (key: string, label: string, fn: () => Promise<string | void>) => {
    setBusy(key);
    setNote(null);
    try {
      const text = await fn();
      if (text) setNote({ color: 'green', text });
    } catch (err) {
      setNote({ color: 'red', text: `${label}: ${errorText(err)}` });
    } finally {
      setBusy(null);
      load();
    }
  };
  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? id;

  return (
    <Stack data-testid="policies">
      <Text size="sm" c="dimmed">
        A policy erases, on a schedule, newsletter subscribers of a store who never became customers and have
        no valid consent, once their sign-up is older than the days you set. Preview shows who that is today.
      </Text>
      {note && (
        <Alert color={note.color} data-testid="policy-note">
          {note.text}
        </Alert>
      )}
      {policies.length === 0 ? (
        <Text size="sm" data-testid="policies-none">
          No policy yet.
        </Text>
      ) : (
        <Table data-testid="policies-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Policy</Table.Th>
              <Table.Th>Store</Table.Th>
              <Table.Th>Older than</Table.Th>
              <Table.Th>Runs every</Table.Th>
              <Table.Th>Last run</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {policies.map((p) => (
              <Table.Tr key={p.id} data-testid="policy-row">
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{storeName(p.storeId)}</Table.Td>
                <Table.Td>{p.olderThanDays} days</Table.Td>
                <Table.Td>{p.everyDays} days</Table.Td>
                <Table.Td>{dateTime(p.lastRunAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      loading={busy === `preview-${p.id}`}
                      onClick={() =>
                        void act(`preview-${p.id}`, `Preview of ${p.name}`, async () => {
                          const r = await ask(
                            api.policies.preview({ id: p.id }),
                            policyPreviewSchema,
                            'policies:preview',
                          );
                          setPreview({ id: p.id, affected: r.affected });
                        })
                      }
                      data-testid="policy-preview"
                    >
                      Preview
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      disabled={preview?.id !== p.id}
                      title={preview?.id !== p.id ? 'Preview first: see who it affects' : undefined}
                      loading={busy === `run-${p.id}`}
                      onClick={() =>
                        void act(`run-${p.id}`, `Running ${p.name}`, async () => {
                          const r = await ask(
                            api.policies.run({ id: p.id }),
                            policyRunSchema,
                            'policies:run',
                          );
                          setPreview(null);
                          return `${p.name} erased ${r.erased.length} ${r.erased.length === 1 ? 'person' : 'people'}; the receipts are in the audit trail.`;
                        })
                      }
                      data-testid="policy-run"
                    >
                      Run now
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={busy === `remove-${p.id}`}
                      onClick={() =>
                        void act(`remove-${p.id}`, `Removing ${p.name}`, async () => {
                          await unwrap(api.policies.remove({ id: p.id }));
                          if (preview?.id === p.id) setPreview(null);
                          return `${p.name} removed; nothing it erased before comes back.`;
                        })
                      }
                      data-testid="policy-remove"
                    >
                      Remove
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {preview && (
        <Card withBorder data-testid="policy-affected" data-count={preview.affected.length}>
          <Text fw={500}>
            {preview.affected.length === 0
              ? 'Nobody would be affected today.'
              : `${preview.affected.length} ${preview.affected.length === 1 ? 'person' : 'people'} would be erased now:`}
          </Text>
          {preview.affected.slice(0, 50).map((e) => (
            <Text size="sm" key={e}>
              {e}
            </Text>
          ))}
          {preview.affected.length > 50 && <Text size="sm">and {preview.affected.length - 50} more</Text>}
        </Card>
      )}
      <AddPolicyForm
        onAdded={(name) => {
          setNote({ color: 'green', text: `${name} added; preview it to see who it affects.` });
          load();
        }}
      />
    </Stack>
  );
}
