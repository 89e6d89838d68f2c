// Runs in: renderer. Owns: setting or clearing a store's API account client secret, with which webhook
// signatures are checked. The secret goes to main (and the keychain) only; nothing of it comes back.
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { StoreSummary } from '../../../shared/contract/index';
import { ApiError, unwrap, useApi } from '../../state/api-context';

/** Where the merchant finds it: BigCommerce shows it once, with the access token. */
export const CLIENT_SECRET_HELP =
  'Optional. The Client Secret shown with the access token when the store-level API account was created ' +
  '(Settings › API › Store-level API accounts), beside the Client ID. ' +
  'With it, Storebridge checks that webhook callbacks are signed by BigCommerce.';

export function ClientSecretModal({ store, onClose }: { store: StoreSummary | null; onClose: () => void }) {
  const api = useApi();
  // The parent keys this modal by store id, so the form starts fresh for each store.
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<'set' | 'cleared' | null>(null);

  const save = async (clientSecret: string | null) => {
    if (!store) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.stores.setClientSecret({ id: store.id, clientSecret }));
      setSecret('');
      setDone(clientSecret ? 'set' : 'cleared');
    } catch (err) {
      setError(
        err instanceof ApiError && err.shape.fields?.clientSecret
          ? err.shape.fields.clientSecret
          : err instanceof Error
            ? err.message
            : String(err),
      );
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(secret.trim());
  };

  return (
    <Modal opened={store !== null} onClose={onClose} title={`Webhook signatures of ${store?.name ?? ''}`}>
      {done ? (
        <Stack>
          <Alert color="green" title="Saved" data-testid="client-secret-done">
            {done === 'set'
              ? 'The client secret is in your keychain: webhook callbacks without a valid signature are refused.'
              : 'The client secret is removed: webhook signatures are no longer checked.'}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">
              BigCommerce signs its webhook callbacks with the API account&apos;s client secret. The store
              check says whether signatures are checked now. A wrong secret makes callbacks be refused (see
              the event log), so paste the one of the API account whose token this store uses.
            </Text>
            <PasswordInput
              label="Client secret"
              description={CLIENT_SECRET_HELP}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              autoComplete="off"
              data-testid="client-secret-input"
              data-autofocus
            />
            {error && (
              <Alert color="red" data-testid="client-secret-error">
                {error}
              </Alert>
            )}
            <Group justify="space-between">
              <Button
                variant="subtle"
                color="red"
                loading={busy}
                onClick={() => void save(null)}
                data-testid="client-secret-clear"
              >
                Stop checking signatures
              </Button>
              <Group>
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button
                  type="submit"
                  loading={busy}
                  disabled={!secret.trim()}
                  data-testid="client-secret-submit"
                >
                  Save
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
