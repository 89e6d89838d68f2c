// Runs in: renderer. Owns: the Connections screen: every store's connections with their health and actions,
// and the wizard that adds one.
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useStatus } from '../../state/status-store';
import { useStores } from '../../state/stores-store';
import { NoStoreYet } from '../../ui/NoStoreYet';
import { platformLabel, useWorkspace, type ConnectionSummary } from '../../state/workspace-store';
import { ago, healthOf } from '../dashboard/health';
import { useStatusPolling } from '../dashboard/use-status-polling';
import { ConnectionActions } from './ConnectionActions';
import { ConnectionWizard } from './wizard/ConnectionWizard';
import { ResumeBanner } from './wizard/ResumeBanner';
import { useWizardDraft } from '../../state/wizard-draft-store';

export function ConnectionsPage() {
  const stores = useStores((s) => s.stores);
  const { connections, platforms } = useWorkspace();
  const { opened, active, start, resume } = useWizardDraft();
  // A setup under way is resumed rather than silently replaced.
  const open = (storeId?: string) => (active ? resume() : start(storeId ? { storeId } : {}));
  useStatusPolling(connections.map((c) => c.id));

  if (stores.length === 0)
    return (
      <NoStoreYet
        testId="area-connections"
        title="Connections"
        icon={<IconPlugConnected size={28} aria-hidden />}
        heading="No store to connect yet"
      />
    );

  return (
    <Stack data-testid="area-connections">
      <Group justify="space-between">
        <Title order={2}>Connections</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => open()} data-testid="add-connection">
          Connect a store
        </Button>
      </Group>
      {active && !opened && <ResumeBanner />}
      {stores.map((s) => {
        const mine = connections.filter((c) => c.storeId === s.id);
        return (
          <Card key={s.id} withBorder data-testid="connections-store" data-store-hash={s.storeHash}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>
                {s.name}{' '}
                <Text span c="dimmed" size="sm" ff="monospace">
                  {s.storeHash}
                </Text>
              </Text>
              <Button size="xs" variant="light" onClick={() => open(s.id)}>
                Connect {s.name}
              </Button>
            </Group>
            {mine.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="connections-none">
                Not connected to any platform yet.
              </Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Connection</Table.Th>
                    <Table.Th>Platform</Table.Th>
                    <Table.Th>Mode</Table.Th>
                    <Table.Th>Health</Table.Th>
                    <Table.Th>Last sync</Table.Th>
                    <Table.Th aria-label="Actions" />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {mine.map((c) => (
                    <Row key={c.id} c={c} what={`${s.name} → ${platformLabel(platforms, c.platform)}`} />
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        );
      })}
      {opened && <ConnectionWizard />}
    </Stack>
  );
}

function Row({ c, what }: { c: ConnectionSummary; what: string }) {
  const platforms = useWorkspace((s) => s.platforms);
  const status = useStatus((s) => s.status[c.id]);
  const progress = useStatus((s) => s.progress[c.id]);
  const syncing = useStatus((s) => s.syncing[c.id] ?? false);
  const h = healthOf(c, status, progress, syncing);
  return (
    <Table.Tr data-testid="connection-row" data-platform={c.platform}>
      <Table.Td>{c.name}</Table.Td>
      <Table.Td>{platformLabel(platforms, c.platform)}</Table.Td>
      <Table.Td>{c.mode === 'off' ? 'manual' : `every ${Math.round(c.intervalMs / 1000)} s`}</Table.Td>
      <Table.Td>
        <Badge color={h.color} variant="light" title={h.detail} data-testid="connection-health">
          {h.label}
        </Badge>
        {h.detail && h.kind === 'failing' && (
          <Text size="xs" c="red">
            {h.detail}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{ago(status?.lastOk)}</Table.Td>
      <Table.Td>
        <ConnectionActions connection={c} what={what} />
      </Table.Td>
    </Table.Tr>
  );
}
