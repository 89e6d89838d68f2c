// Runs in: renderer. Owns: replacing a store's API token in place (after a revoked or rotated API account).
// Main tries the new token against the store first; a refused one leaves the old token in the keychain.
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ChannelOutput, StoreSummary } from '../../../shared/contract/index';
import { unwrap, useApi } from '../../state/api-context';

type Replaced = ChannelOutput<'stores:updateToken'>;

export function ReplaceTokenModal({ store, onClose }: { store: StoreSummary | null; onClose: () => void }) {
  const api = useApi();
  // The parent keys this modal by store id, so the form starts fresh for each store.
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Replaced | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!store) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await unwrap(api.stores.updateToken({ id: store.id, accessToken: token })));
      setToken('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={store !== null} onClose={onClose} title={`Replace the API token of ${store?.name ?? ''}`}>
      {done ? (
        <Stack>
          <Alert color="green" title="Token replaced" data-testid="replace-token-done">
            The store accepted the new token ({done.store.credentials.hint}).
            {done.resumed.length > 0 && ` Resumed: ${done.resumed.map((c) => c.name).join(', ')}.`}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">
              Paste the access token of a store-level API account of this store (Settings › API › Store-level
              API accounts). It is checked with the store before it replaces the current one.
            </Text>
            <PasswordInput
              label="New access token"
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              autoComplete="off"
              data-testid="replace-token-input"
              data-autofocus
            />
            {error && (
              <Alert color="red" data-testid="replace-token-error">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button
                type="submit"
                loading={busy}
                disabled={!token.trim()}
                data-testid="replace-token-submit"
              >
                Check and replace
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
