// Runs in: renderer. Owns: the audit trail of erase requests: when, a hash of who, and each system's receipt.
import { Accordion, Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../state/api-context';
import { errorText } from '../../ui/errors';
import { dateTime } from '../../ui/format';
import { ask } from '../../ui/parse-answer';
import { ReceiptTable } from './EraseReceipts';
import { auditSchema, type AuditEntry } from './privacy-shapes';

export function AuditTrail() {
  const api = useApi();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    ask(api.privacy.audit({}), auditSchema, 'privacy:audit').then(setEntries, (err: unknown) =>
      setError(`Reading the audit trail: ${errorText(err)}`),
    );
  }, [api]);
  useEffect(load, [load]);

  if (error)
    return (
      <Alert color="red" title="No audit trail" data-testid="audit-error">
        {error}
      </Alert>
    );
  if (!entries) return <Loader size="sm" aria-label="Loading the audit trail" />;
  return (
    <Stack data-testid="audit-trail">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {entries.length} erase request{entries.length === 1 ? '' : 's'}. People are identified by a salted
          hash only, so this list can be shown to an auditor.
        </Text>
        <Button size="xs" variant="default" onClick={load}>
          Refresh
        </Button>
      </Group>
      {entries.length > 0 && (
        <Accordion variant="separated">
          {entries.map((e) => {
            const failed = e.receipts.filter((r) => r.outcome === 'failed').length;
            return (
              <Accordion.Item key={e.id} value={e.id} data-testid="audit-entry">
                <Accordion.Control>
                  <Group gap="sm">
                    <Text size="sm" fw={500}>
                      {dateTime(e.requestedAt)}
                    </Text>
                    <Text size="xs" ff="monospace" c="dimmed">
                      {e.subjectHash.slice(0, 16)}…
                    </Text>
                    <Badge variant="light" color={e.completedAt ? (failed ? 'orange' : 'green') : 'gray'}>
                      {e.completedAt ? (failed ? `${failed} failed` : 'complete') : 'not finished'}
                    </Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <ReceiptTable receipts={e.receipts} />
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}
