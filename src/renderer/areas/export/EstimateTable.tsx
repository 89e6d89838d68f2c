// Runs in: renderer. Owns: the estimate of an export before it starts: records, API calls on each side and
// the ETA per target, and the total (targets run one after another); marked while it is being redone for
// changed choices.
import { Alert, Group, Loader, Table, Text } from '@mantine/core';
import { count, duration } from '../../ui/format';
import type { Estimate } from './export-store';

export interface TargetEstimate {
  connectionId: string;
  what: string;
  estimate?: Estimate;
  error?: string;
}

export function EstimateTable({ rows, updating = false }: { rows: TargetEstimate[]; updating?: boolean }) {
  const total = rows.reduce((n, r) => n + (r.estimate?.etaSeconds ?? 0), 0);
  return (
    <Alert
      color="blue"
      title={`About ${duration(total)} in all`}
      data-testid="export-estimate"
      aria-busy={updating}
    >
      {updating && (
        <Group gap="xs" data-testid="export-estimate-updating">
          <Loader size="xs" />
          <Text size="sm">Updating the estimate for the resources and dates you chose…</Text>
        </Group>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Target</Table.Th>
            <Table.Th>Records</Table.Th>
            <Table.Th>BigCommerce calls</Table.Th>
            <Table.Th>Platform calls</Table.Th>
            <Table.Th>Time</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.connectionId} data-testid="export-estimate-row">
              <Table.Td>{r.what}</Table.Td>
              {r.estimate ? (
                <>
                  <Table.Td>
                    {Object.entries(r.estimate.records)
                      .map(([k, n]) => `${count(n)} ${k}`)
                      .join(', ') || 'none found'}
                  </Table.Td>
                  <Table.Td>{count(r.estimate.bigcommerceCalls)}</Table.Td>
                  <Table.Td>{count(r.estimate.platformCalls)}</Table.Td>
                  <Table.Td>
                    {duration(r.estimate.etaSeconds)}
                    <Text size="xs">
                      {r.estimate.binding === 'bigcommerce' ? 'BigCommerce' : 'platform'} rate limit sets the
                      pace
                    </Text>
                  </Table.Td>
                </>
              ) : (
                <Table.Td colSpan={4}>No estimate: {r.error}</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
