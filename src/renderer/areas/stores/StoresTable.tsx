// Runs in: renderer. Owns: the table of stores with check, rename, replace-token, client-secret and remove actions.
import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconKey, IconListCheck, IconPencil, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { StoreSummary } from '../../../shared/contract/index';
import { ClientSecretModal } from './ClientSecretModal';
import { RemoveStoreModal } from './RemoveStoreModal';
import { RenameStoreModal } from './RenameStoreModal';
import { ReplaceTokenModal } from './ReplaceTokenModal';

export function StoresTable({
  stores,
  onCheck,
}: {
  stores: StoreSummary[];
  /** Check the store's token, scopes and facts item by item. */
  onCheck?: (store: StoreSummary) => void;
}) {
  const [renaming, setRenaming] = useState<StoreSummary | null>(null);
  const [removing, setRemoving] = useState<StoreSummary | null>(null);
  const [rekeying, setRekeying] = useState<StoreSummary | null>(null);
  const [signing, setSigning] = useState<StoreSummary | null>(null);
  return (
    <>
      <Table striped highlightOnHover data-testid="stores-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Store hash</Table.Th>
            <Table.Th>API token</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stores.map((s) => (
            <Table.Tr key={s.id} data-testid="store-row" data-store-hash={s.storeHash}>
              <Table.Td>
                <Group gap="xs">
                  <Text fw={500}>{s.name}</Text>
                  {s.demo && <Badge variant="light">demo</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text ff="monospace">{s.storeHash}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {s.credentials.configured ? `in keychain (${s.credentials.hint})` : 'missing'}
                </Text>
              </Table.Td>
              <Table.Td>{new Date(s.createdAt).toLocaleString()}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end">
                  {onCheck && (
                    <Tooltip label="Check the store">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Check ${s.name}: token, scopes and facts`}
                        onClick={() => onCheck(s)}
                        data-testid="check-store"
                      >
                        <IconListCheck size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  <Tooltip label="Rename">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Rename ${s.name}`}
                      onClick={() => setRenaming(s)}
                      data-testid="rename-store"
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Replace token">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Replace the API token of ${s.name}`}
                      onClick={() => setRekeying(s)}
                      data-testid="replace-token"
                    >
                      <IconKey size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Webhook signatures (client secret)">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Set the client secret of ${s.name}, to check webhook signatures`}
                      onClick={() => setSigning(s)}
                      data-testid="client-secret"
                    >
                      <IconShieldLock size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Remove">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${s.name}`}
                      onClick={() => setRemoving(s)}
                      data-testid="remove-store"
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RenameStoreModal key={renaming?.id ?? 'closed'} store={renaming} onClose={() => setRenaming(null)} />
      <ReplaceTokenModal
        key={`token-${rekeying?.id ?? 'closed'}`}
        store={rekeying}
        onClose={() => setRekeying(null)}
      />
      <ClientSecretModal
        key={`secret-${signing?.id ?? 'closed'}`}
        store={signing}
        onClose={() => setSigning(null)}
      />
      <RemoveStoreModal store={removing} onClose={() => setRemoving(null)} />
    </>
  );
}
