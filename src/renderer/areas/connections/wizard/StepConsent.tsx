// Runs in: renderer. Owns: the wizard's consent preview before the first sync: how many contacts it creates,
// subscribes, leaves unsubscribed and how many double opt-in emails go out, with the platform's warning.
import { Alert, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { unwrap, useApi } from '../../../state/api-context';
import { platformLabel, useWorkspace, type PlatformInfo } from '../../../state/workspace-store';
import { errorText } from '../../../ui/errors';
import type { WizardState } from './wizard-state';

const impactSchema = z.object({
  people: z.number(),
  created: z.number(),
  subscribed: z.number(),
  stayUnsubscribed: z.number(),
  doubleOptInEmails: z.number(),
  suppressed: z.number().default(0),
});
type Impact = z.infer<typeof impactSchema>;

/** The platform descriptor's own warning: what a first sync creates there and how it may be billed. */
export function createsContacts(p: PlatformInfo | undefined): string | null {
  return p?.createsContacts ?? null;
}

export function StepConsent({ state }: { state: WizardState }) {
  const api = useApi();
  const platforms = useWorkspace((s) => s.platforms);
  const platform = platforms.find((p) => p.platform === state.platform);
  const [impact, setImpact] = useState<Impact | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!state.storeId || !state.connectionId) return;
    unwrap(api.consent.impact({ storeId: state.storeId, connectionId: state.connectionId })).then(
      (v) => setImpact(impactSchema.parse(v)),
      (err: unknown) => setError(errorText(err)),
    );
  }, [api, state.storeId, state.connectionId]);

  const warning = createsContacts(platform);
  const label = platformLabel(platforms, state.platform);
  const n = (k: keyof Impact) => impact?.[k] ?? 0;
  return (
    <Stack data-testid="wizard-consent">
      {warning && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={16} />}
          title="Creates contacts"
          data-testid="creates-contacts"
        >
          {warning}
        </Alert>
      )}
      {error && (
        <Alert color="red" title={`No consent preview for ${label}`}>
          {error}
        </Alert>
      )}
      {!impact && !error && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Counting consent…</Text>
        </Group>
      )}
      {impact && (
        <>
          <Text fw={500} data-testid="consent-impact">
            {n('created')} contacts created, {n('subscribed')} subscribed, {n('stayUnsubscribed')} stay
            unsubscribed, {n('doubleOptInEmails')} double opt-in emails
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {(
              [
                ['created', 'contacts created'],
                ['subscribed', 'subscribed'],
                ['stayUnsubscribed', 'stay unsubscribed'],
                ['doubleOptInEmails', 'double opt-in emails'],
              ] as const
            ).map(([k, text]) => (
              <Stack key={k} gap={0}>
                <Text size="xl" fw={700} data-testid={`impact-${k}`}>
                  {n(k)}
                </Text>
                <Text size="xs" c="dimmed">
                  {text}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          {impact.people === 0 && (
            <Text size="sm" c="dimmed" data-testid="consent-impact-empty">
              No customer of this store has been read yet, so these counts start at zero; the first sync reads
              them, and the Consent screen shows each person afterwards.
            </Text>
          )}
          {impact.suppressed > 0 && (
            <Text size="sm">{impact.suppressed} erased people stay out (suppression list).</Text>
          )}
          <Text size="xs" c="dimmed">
            Nobody is subscribed without consent recorded in BigCommerce or the consent ledger.
          </Text>
        </>
      )}
    </Stack>
  );
}
