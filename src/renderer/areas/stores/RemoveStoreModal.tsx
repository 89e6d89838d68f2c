// Runs in: renderer. Owns: confirming and performing the removal of a store (and its keychain entry).
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { StoreSummary } from '../../../shared/contract/index';
import { unwrap, useApi } from '../../state/api-context';

export function RemoveStoreModal({ store, onClose }: { store: StoreSummary | null; onClose: () => void }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (!store) return;
    setBusy(true);
    try {
      await unwrap(api.stores.remove({ id: store.id }));
      setError(null);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={store !== null} onClose={onClose} title="Remove store">
      <Stack>
        <Text>
          Remove <b>{store?.name}</b> from this workspace? Its API token is deleted from your keychain.
          Nothing is changed in the BigCommerce store itself.
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={remove} data-testid="remove-confirm">
            Remove store
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
