// Runs in: renderer. Owns: the form that adds an anonymisation policy to a store.
import { Alert, Button, Card, Group, NumberInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { unwrap, useApi } from '../../state/api-context';
import { useStores } from '../../state/stores-store';
import { errorText } from '../../ui/errors';

export function AddPolicyForm({ onAdded }: { onAdded: (name: string) => void }) {
  const api = useApi();
  const stores = useStores((s) => s.stores);
  const [name, setName] = useState('');
  const [storeId, setStoreId] = useState<string | null>(stores[0]?.id ?? null);
  const [olderThanDays, setOlder] = useState<number | string>(365);
  const [everyDays, setEvery] = useState<number | string>(7);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setError(null);
    if (!name.trim()) return setError('Give the policy a name, e.g. "Stale newsletter sign-ups".');
    if (!storeId) return setError('Choose the store the policy applies to.');
    setBusy(true);
    try {
      await unwrap(
        api.policies.add({
          name: name.trim(),
          storeId,
          olderThanDays: Number(olderThanDays),
          everyDays: Number(everyDays),
        }),
      );
      onAdded(name.trim());
      setName('');
    } catch (err) {
      setError(`Adding ${name}: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h5">
          Add a policy
        </Title>
        {error && (
          <Alert color="red" data-testid="policy-add-error">
            {error}
          </Alert>
        )}
        <Group align="flex-end" grow>
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="policy-name"
          />
          <Select
            label="Store"
            data={stores.map((s) => ({ value: s.id, label: s.name }))}
            value={storeId}
            onChange={setStoreId}
            data-testid="policy-store"
          />
          <NumberInput
            label="Signed up more than (days ago)"
            min={1}
            value={olderThanDays}
            onChange={setOlder}
          />
          <NumberInput label="Run every (days)" min={1} value={everyDays} onChange={setEvery} />
        </Group>
        <Group justify="flex-end">
          <Button onClick={() => void add()} loading={busy} data-testid="policy-add">
            Add policy
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
