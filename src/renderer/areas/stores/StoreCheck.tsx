// Runs in: renderer. Owns: checking a store right after it is added (or on demand): the token, each readable
// scope, the store's facts and channels, item by item with what to fix, and whether changes arrive live
// (webhooks) or by polling, naming what polling cannot do, and whether webhook signatures are checked.
import { Alert, Badge, Button, CloseButton, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput, StoreSummary } from '../../../shared/contract/index';
import { unwrap, useApi } from '../../state/api-context';
import { CheckList } from '../../ui/CheckList';
import { errorText } from '../../ui/errors';

type Verification = ChannelOutput<'stores:verify'>;

export function StoreCheck({ store, onClose }: { store: StoreSummary; onClose(): void }) {
  const api = useApi();
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<{ round: number; result?: Verification; error?: string } | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api.stores.verify({ id: store.id })).then(
      (result) => live && setAnswer({ round, result }),
      (err: unknown) => live && setAnswer({ round, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, store.id, round]);
  const busy = answer?.round !== round;
  const v = answer?.result;
  const failing = v?.checks.filter((c) => !c.ok).length ?? 0;

  return (
    <Paper withBorder p="md" data-testid="store-check" data-done={!busy} data-ok={v?.ok}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>
            {busy
              ? `Checking ${store.name}…`
              : v
                ? failing
                  ? `${store.name}: ${failing} item(s) need attention`
                  : `${store.name} checks out`
                : `${store.name} could not be checked`}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setRound((r) => r + 1)} loading={busy}>
              Check again
            </Button>
            <CloseButton aria-label="Close the store check" onClick={onClose} />
          </Group>
        </Group>
        {answer?.error && (
          <Alert color="red" title="The store did not answer">
            {answer.error}
          </Alert>
        )}
        {busy && !v && <Loader size="sm" aria-label="Checking the store" />}
        {v?.store && (
          <Group gap="xs" data-testid="store-facts">
            <Badge variant="light">{v.store.name}</Badge>
            {v.store.domain && <Badge variant="light">{v.store.domain}</Badge>}
            {v.store.currency && <Badge variant="light">{v.store.currency}</Badge>}
            {v.store.timezone && <Badge variant="light">{v.store.timezone}</Badge>}
            <Badge variant="light">
              {v.channels.length} channel(s), {v.currencies.filter((c) => c.enabled).length} currency(ies)
            </Badge>
          </Group>
        )}
        {v && <CheckList items={v.checks} label={`Checks of ${store.name}`} itemTestId="store-check-item" />}
        {v?.realtime && (
          <Text size="sm" c="dimmed" data-testid="store-realtime">
            {v.realtime.mode === 'webhooks'
              ? 'Changes arrive live through webhooks.'
              : `Changes are picked up by polling.${
                  v.realtime.needsWebhooks.length
                    ? ` ${v.realtime.needsWebhooks.join(', ')} need webhooks: set a public HTTPS URL (storebridge stores webhooks url …).`
                    : ''
                }`}
          </Text>
        )}
        {v?.realtime?.signatures && (
          <Text size="sm" c="dimmed" data-testid="store-signatures">
            {v.realtime.signatures === 'verified'
              ? 'Webhook signatures are checked with the API account’s client secret.'
              : 'Webhook signatures are not checked: only the secret header is. To check them, add the API account’s client secret (the shield button in the stores table).'}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
