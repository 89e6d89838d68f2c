// Runs in: renderer. Owns: looking a person up by email in one store: the ledger's verdict and what decided
// it, each system's last known state (BigCommerce and every connection of the store), and the history.
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { StoreSummary } from '../../../shared/contract/index';
import { useApi } from '../../state/api-context';
import { useWorkspace } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';
import { dateTime } from '../../ui/format';
import { ask } from '../../ui/parse-answer';
import { personSchema, type PersonConsent } from './consent-shapes';
import { ConsentHistory } from './ConsentHistory';
import { stateColor, systemLabel } from './system-label';

export function PersonLookup({ store, initialEmail }: { store: StoreSummary; initialEmail: string }) {
  const api = useApi();
  const { connections, platforms } = useWorkspace();
  const [email, setEmail] = useState(initialEmail);
  const [busy, setBusy] = useState(false);
  const [person, setPerson] = useState<PersonConsent | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fetchPerson = (value: string) =>
    ask(api.consent.show({ storeId: store.id, email: value.trim() }), personSchema, 'consent:show').catch(
      (err: unknown) => {
        throw new Error(`Looking up ${value} in ${store.name}: ${errorText(err)}`);
      },
    );
  const lookUp = async (value: string) => {
    setError(null);
    setPerson(null);
    if (!value.includes('@')) return setError('Enter the email address of the person to look up.');
    setBusy(true);
    try {
      setPerson(await fetchPerson(value));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    // Only the email handed over from the mismatch report is looked up on its own.
    if (initialEmail) fetchPerson(initialEmail).then(setPerson, (err: unknown) => setError(errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const systems = ['bigcommerce', ...connections.filter((c) => c.storeId === store.id).map((c) => c.id)];
  return (
    <Stack>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp(email);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Email address"
            description="Looked up in the consent ledger of this store"
            placeholder="person@example.com"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            w={360}
            data-testid="consent-email"
          />
          <Button type="submit" loading={busy} data-testid="consent-lookup">
            Look up
          </Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" title="No answer" data-testid="consent-error">
          {error}
        </Alert>
      )}
      {person && person.facts.length === 0 && (
        <Alert color="gray" title="Nothing recorded" data-testid="consent-unknown">
          The ledger of {store.name} has no consent action for {person.email}. It fills in as the store syncs;
          check the spelling or run a sync of the store first.
        </Alert>
      )}
      {person && person.facts.length > 0 && (
        <Card withBorder data-testid="consent-person">
          <Stack>
            <Group>
              <Title order={3} size="h4">
                {person.email}
              </Title>
              <Badge
                variant="light"
                color={stateColor(person.effective.state)}
                data-testid="consent-effective"
              >
                {person.effective.state}
              </Badge>
            </Group>
            {person.effective.decidedBy && (
              <Text size="sm">
                Decided by{' '}
                {systemLabel(
                  person.effective.decidedBy.connectionId ?? person.effective.decidedBy.source,
                  connections,
                  platforms,
                )}
                : {person.effective.decidedBy.mechanism}, {dateTime(person.effective.decidedBy.at)}
                {person.effective.decidedBy.explicit ? ' (the person’s own act)' : ''}.
              </Text>
            )}
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>System</Table.Th>
                  <Table.Th>Last known state</Table.Th>
                  <Table.Th>How</Table.Th>
                  <Table.Th>When</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {systems.map((key) => {
                  const s = person.bySource[key];
                  return (
                    <Table.Tr key={key} data-testid="consent-system" data-system={key}>
                      <Table.Td>{systemLabel(key, connections, platforms)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={stateColor(s?.state ?? 'unknown')}>
                          {s?.state ?? 'not heard from'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{s?.mechanism ?? '—'}</Table.Td>
                      <Table.Td>{dateTime(s?.at)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <ConsentHistory facts={person.facts} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
