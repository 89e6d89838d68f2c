// Runs in: renderer. Owns: the Stores screen: the list, its empty state, and the add/rename/remove flows.
import { Alert, Button, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingStore, IconPlus } from '@tabler/icons-react';
import { useStores } from '../../state/stores-store';
import { useState } from 'react';
import type { StoreSummary } from '../../../shared/contract/index';
import { AddStoreModal } from './AddStoreModal';
import { StoreCheck } from './StoreCheck';
import { StoresTable } from './StoresTable';

export function StoresPage() {
  const { stores, loaded, error } = useStores();
  const [adding, { open, close }] = useDisclosure(false);
  const [checking, setChecking] = useState<StoreSummary | null>(null);
  // A store removed while its check is shown takes the check with it.
  const checked = checking && stores.some((s) => s.id === checking.id) ? checking : null;

  return (
    <Stack data-testid="area-stores">
      <Group justify="space-between">
        <Title order={2}>Stores</Title>
        {stores.length > 0 && (
          <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="add-store">
            Add store
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" title="Could not load the stores">
          {error}
        </Alert>
      )}
      {!loaded ? (
        <Loader aria-label="Loading stores" />
      ) : stores.length === 0 ? (
        <EmptyState
          icon={<IconBuildingStore size={28} aria-hidden />}
          title="No stores yet"
          description="Add a BigCommerce store with a store-level API account (Settings > API > Store-level API accounts in your BigCommerce control panel). Its token is kept in your OS keychain, never on disk."
          data-testid="stores-empty"
        >
          <EmptyState.Actions>
            <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="add-store">
              Add your first store
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <>
          <Text c="dimmed" size="sm">
            {stores.length === 1 ? '1 store' : `${stores.length} stores`} in this workspace.
          </Text>
          {checked && <StoreCheck key={checked.id} store={checked} onClose={() => setChecking(null)} />}
          <StoresTable stores={stores} onCheck={setChecking} />
        </>
      )}
      <AddStoreModal opened={adding} onClose={close} onAdded={setChecking} />
    </Stack>
  );
}
