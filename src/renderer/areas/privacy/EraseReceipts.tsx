// Runs in: renderer. Owns: an erase request's receipts: one per system with its outcome and detail, the
// local copies removed, export files that still hold the person, and any trace left behind.
import { Alert, Badge, Code, List, Stack, Table, Text } from '@mantine/core';
import { useStores } from '../../state/stores-store';
import { platformLabel, useWorkspace } from '../../state/workspace-store';
import { dateTime } from '../../ui/format';
import { outcomeColor, type EraseOutcome, type Receipt } from './privacy-shapes';

/** Names the system as the user named it: the connection's name and platform, BigCommerce's store name. */
function useSystemName(): (r: Receipt) => string {
  const { connections, platforms } = useWorkspace();
  const stores = useStores((s) => s.stores);
  return (r) => {
    const c = r.connectionId ? connections.find((x) => x.id === r.connectionId) : undefined;
    if (c) return `${c.name} (${platformLabel(platforms, c.platform)})`;
    const storeId = /^BigCommerce \((.+)\)$/.exec(r.system)?.[1];
    const store = storeId ? stores.find((s) => s.id === storeId) : undefined;
    return store ? `BigCommerce ${store.name} (${store.storeHash})` : r.system;
  };
}

export function ReceiptTable({ receipts }: { receipts: Receipt[] }) {
  const name = useSystemName();
  return (
    <Table data-testid="erase-receipts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>System</Table.Th>
          <Table.Th w={130}>Result</Table.Th>
          <Table.Th>Detail</Table.Th>
          <Table.Th>When</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {receipts.map((r, i) => (
          <Table.Tr key={i} data-testid="erase-receipt" data-outcome={r.outcome}>
            <Table.Td>{name(r)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={outcomeColor[r.outcome]}>
                {r.outcome.replace('_', ' ')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{r.detail}</Text>
            </Table.Td>
            <Table.Td>{dateTime(r.at)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EraseReceipts({ outcome: o }: { outcome: EraseOutcome }) {
  const failed = o.receipts.filter((r) => r.outcome === 'failed');
  return (
    <Stack data-testid="erase-outcome">
      <Alert
        color={failed.length ? 'orange' : 'green'}
        title={failed.length ? `${failed.length} system(s) did not confirm the erasure` : 'Erased'}
      >
        Request <Code>{o.requestId}</Code>. The audit trail keeps these receipts with a salted hash of the
        email, never the email itself.{' '}
        {failed.length > 0 && 'Fix what the failed rows say, then erase again.'}
      </Alert>
      <ReceiptTable receipts={o.receipts} />
      {o.exportedFiles.length > 0 && (
        <Alert color="yellow" title="Export files still hold the person" data-testid="erase-files">
          Storebridge does not edit files it wrote earlier; delete or redact these:
          <List size="sm">
            {o.exportedFiles.map((f) => (
              <List.Item key={f.path}>
                {f.path} {f.status === 'unreadable' && '(could not be checked)'}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {o.remaining.length > 0 && (
        <Alert color="red" title="Traces left in the workspace" data-testid="erase-remaining">
          {o.remaining.map((r) => `${r.db}.${r.table}: ${r.rows}`).join(', ')}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        Local copies removed:{' '}
        {Object.entries(o.local)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}
        .{' '}
        {o.walTruncated
          ? 'Database journals compacted.'
          : 'The database journals could not be compacted yet.'}{' '}
        Finished {dateTime(o.receipts.at(-1)?.at)}.
      </Text>
    </Stack>
  );
}
