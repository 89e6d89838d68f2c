// Runs in: renderer. Owns: renaming a store.
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { StoreSummary } from '../../../shared/contract/index';
import { unwrap, useApi } from '../../state/api-context';

export function RenameStoreModal({ store, onClose }: { store: StoreSummary | null; onClose: () => void }) {
  const api = useApi();
  // The parent keys this modal by store id, so the form starts fresh for each store.
  const [name, setName] = useState(store?.name ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!store) return;
    try {
      await unwrap(api.stores.rename({ id: store.id, name }));
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Modal opened={store !== null} onClose={onClose} title="Rename store">
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Display name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="rename-input"
            data-autofocus
          />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" data-testid="rename-submit">
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
