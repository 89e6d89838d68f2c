// Runs in: renderer. Owns: the consent impact of a historical sync to one connection, before it runs:
// contacts created, subscribed, staying unsubscribed, double opt-in emails the platform would send.
import { Alert, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { StoreSummary } from '../../../shared/contract/index';
import { useApi } from '../../state/api-context';
import { useNav } from '../../state/nav-store';
import { platformLabel, useWorkspace } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';
import { CountGrid } from '../../ui/CountGrid';
import { ask } from '../../ui/parse-answer';
import { impactSchema, type Impact } from './consent-shapes';

export function ImpactPanel({ store }: { store: StoreSummary }) {
  const api = useApi();
  const go = useNav((s) => s.go);
  const { connections: all, platforms } = useWorkspace();
  const connections = all.filter((c) => c.storeId === store.id);
  const [connectionId, setConnectionId] = useState<string | null>(connections[0]?.id ?? null);
  const [impact, setImpact] = useState<Impact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const connection = connections.find((c) => c.id === connectionId);

  if (connections.length === 0)
    return (
      <Alert color="gray" title="No connection yet" data-testid="consent-impact-none">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{store.name} is not connected to a platform, so there is nothing to preview.</Text>
          <Button size="xs" onClick={() => go('connections')}>
            Connect {store.name}
          </Button>
        </Stack>
      </Alert>
    );

  const preview = async () => {
    if (!connection) return;
    setBusy(true);
    setError(null);
    try {
      setImpact(
        await ask(
          api.consent.impact({ storeId: store.id, connectionId: connection.id }),
          impactSchema,
          'consent:impact',
        ),
      );
    } catch (err) {
      setError(`${store.name} → ${connection.name}: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const figures: Array<[string, number]> = impact
    ? [
        ['contacts created', impact.created],
        ['subscribed', impact.subscribed],
        ['stay unsubscribed', impact.stayUnsubscribed],
        ['double opt-in emails', impact.doubleOptInEmails],
        ['erased people left out', impact.suppressed],
      ]
    : [];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Computed from what the store has read so far and the consent ledger; nothing is sent.
      </Text>
      <Group align="flex-end">
        <Select
          label="Connection"
          data={connections.map((c) => ({
            value: c.id,
            label: `${c.name} (${platformLabel(platforms, c.platform)})`,
          }))}
          value={connectionId}
          onChange={(v) => {
            setConnectionId(v);
            setImpact(null);
          }}
          allowDeselect={false}
          w={360}
          data-testid="consent-impact-connection"
        />
        <Button onClick={() => void preview()} loading={busy} data-testid="consent-impact-preview">
          Preview the impact
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="No preview" data-testid="consent-impact-error">
          {error}
        </Alert>
      )}
      {impact && (
        <Card withBorder data-testid="consent-impact">
          <Text fw={500} mb="sm">
            {impact.summary}
          </Text>
          <CountGrid figures={figures} />
        </Card>
      )}
    </Stack>
  );
}
