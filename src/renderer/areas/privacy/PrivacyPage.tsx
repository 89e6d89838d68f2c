// Runs in: renderer. Owns: the Privacy screen: erase requests with receipts, access requests, the audit
// trail of past erasures (no personal data) and scheduled anonymisation policies.
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useStores } from '../../state/stores-store';
import { NoStoreYet } from '../../ui/NoStoreYet';
import { AccessRequest } from './AccessRequest';
import { AuditTrail } from './AuditTrail';
import { EraseFlow } from './EraseFlow';
import { PoliciesPanel } from './PoliciesPanel';

export function PrivacyPage() {
  const [tab, setTab] = useState<string | null>('erase');
  const hasStores = useStores((s) => s.stores.length > 0);
  if (!hasStores)
    return (
      <NoStoreYet
        testId="area-privacy"
        title="Privacy"
        icon={<IconLock size={28} aria-hidden />}
        purpose="Here a person is erased from every connected system with a receipt per system, or sent what the workspace holds about them."
      />
    );
  return (
    <Stack data-testid="area-privacy" maw={1000}>
      <Title order={2}>Privacy</Title>
      <Text c="dimmed">
        Requests from a person about their data (GDPR): erase them everywhere, or export what this workspace
        holds about them. Each erasure leaves a receipt per system, kept without the personal data.
      </Text>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="erase" data-testid="tab-privacy-erase">
            Erase a person
          </Tabs.Tab>
          <Tabs.Tab value="access" data-testid="tab-privacy-access">
            Access request
          </Tabs.Tab>
          <Tabs.Tab value="audit" data-testid="tab-privacy-audit">
            Audit trail
          </Tabs.Tab>
          <Tabs.Tab value="policies" data-testid="tab-privacy-policies">
            Anonymisation policies
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="erase" pt="md">
          <EraseFlow onDone={() => undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="access" pt="md">
          <AccessRequest />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditTrail />
        </Tabs.Panel>
        <Tabs.Panel value="policies" pt="md">
          <PoliciesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
