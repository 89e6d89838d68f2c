// Runs in: renderer. Owns: the "where was the person found" table shown before an erase is confirmed.
import { Alert, Table, Text } from '@mantine/core';
import { count } from '../../ui/format';
import type { FoundRow } from './where-found';

export function FoundTable({
  email,
  rows,
  suppressed,
}: {
  email: string;
  rows: FoundRow[];
  suppressed: boolean;
}) {
  return (
    <>
      {suppressed && (
        <Alert color="yellow" title="Erased before" data-testid="erase-already">
          {email} was erased before and is on the suppression list; erasing again asks every system once more.
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text size="sm" data-testid="erase-not-found">
          This workspace holds nothing about {email}. The platforms are still asked: they may know the person
          from elsewhere.
        </Text>
      ) : (
        <Table data-testid="erase-where">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Where</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Count</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.where}|${r.what}`} data-testid="erase-where-row">
                <Table.Td>{r.where}</Table.Td>
                <Table.Td>{r.what}</Table.Td>
                <Table.Td>{count(r.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
