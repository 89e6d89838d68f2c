// Runs in: renderer. Owns: the tables of the reconcile steps: pull results per platform, the mismatch report,
// and the planned or applied actions with how each is done and how it ended.
import { Alert, Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useWorkspace } from '../../state/workspace-store';
import type { ApplyResult, Mismatch, ReconcileAction } from './consent-shapes';
import { stateColor, systemLabel } from './system-label';

const how: Record<ReconcileAction['how'], string> = {
  bigcommerce_write: 'BigCommerce write',
  enqueue_sync: 'queued through the sync',
  no_write_path: 'by hand on the platform',
};
const outcomeColor = { applied: 'green', unchanged: 'gray', reported: 'yellow', failed: 'red' } as const;

export function PullResults({
  pulled,
}: {
  pulled: Array<{ connectionId: string; platform: string; facts: number; recorded: number; error?: string }>;
}) {
  const { connections, platforms } = useWorkspace();
  if (pulled.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="consent-pulled">
        No connection of this store reads opt-outs back from its platform.
      </Text>
    );
  return (
    <Group gap="xs" data-testid="consent-pulled">
      {pulled.map((p) =>
        p.error ? (
          <Alert
            key={p.connectionId}
            color="red"
            title={`Pull from ${systemLabel(p.connectionId, connections, platforms)} failed`}
          >
            {p.error}
          </Alert>
        ) : (
          <Badge key={p.connectionId} variant="light">
            {systemLabel(p.connectionId, connections, platforms)}: {p.recorded} new of {p.facts}
          </Badge>
        ),
      )}
    </Group>
  );
}

export function MismatchTable({
  report,
  onLookUp,
}: {
  report: Mismatch[];
  onLookUp: (email: string) => void;
}) {
  const { connections, platforms } = useWorkspace();
  return (
    <Table data-testid="consent-report">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>Ledger says</Table.Th>
          <Table.Th>Disagreeing systems</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.map((m) => (
          <Table.Tr key={m.email} data-testid="consent-mismatch">
            <Table.Td>
              <Anchor component="button" type="button" size="sm" onClick={() => onLookUp(m.email)}>
                {m.email}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={stateColor(m.effective)}>
                {m.effective}
              </Badge>
              {m.decidedBy && (
                <Text size="xs" c="dimmed">
                  {m.decidedBy.mechanism}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {m.systems.map((s) => (
                <Text size="sm" key={s.system}>
                  {systemLabel(s.system, connections, platforms)}:{' '}
                  {s.state === 'unknown' ? 'never told' : s.state}
                </Text>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ActionsTable({
  actions,
  outcome,
}: {
  actions: ReconcileAction[] | ApplyResult['done'];
  outcome?: boolean;
}) {
  const { connections, platforms } = useWorkspace();
  return (
    <Table data-testid={outcome ? 'consent-applied' : 'consent-actions'}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>System</Table.Th>
          <Table.Th>Set to</Table.Th>
          <Table.Th>How</Table.Th>
          {outcome && <Table.Th w={120}>Result</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {actions.map((a, i) => (
          <Table.Tr key={i} data-testid={outcome ? 'consent-outcome' : 'consent-action'}>
            <Table.Td>{a.email}</Table.Td>
            <Table.Td>{systemLabel(a.system, connections, platforms)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={stateColor(a.to)}>
                {a.to}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{how[a.how]}</Text>
              <Text size="xs" c="dimmed">
                {a.detail}
              </Text>
            </Table.Td>
            {outcome && 'outcome' in a && (
              <Table.Td>
                <Badge variant="light" color={outcomeColor[a.outcome]} data-outcome={a.outcome}>
                  {a.outcome}
                </Badge>
                {a.error && (
                  <Text size="xs" c="red">
                    {a.error}
                  </Text>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
