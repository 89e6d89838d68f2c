// Runs in: renderer. Owns: the Consent screen: pick a store, then look a person up, reconcile the store's
// mismatches (report, preview, apply) or preview a historical sync's consent impact.
import { Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useStores } from '../../state/stores-store';
import { NoStoreYet } from '../../ui/NoStoreYet';
import { ImpactPanel } from './ImpactPanel';
import { PersonLookup } from './PersonLookup';
import { ReconcilePanel } from './ReconcilePanel';

export function ConsentPage() {
  const stores = useStores((s) => s.stores);
  const [chosen, setChosen] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('lookup');
  const [email, setEmail] = useState('');
  const store = stores.find((s) => s.id === chosen) ?? stores[0];

  if (!store)
    return (
      <NoStoreYet
        testId="area-consent"
        title="Consent"
        icon={<IconShieldCheck size={28} aria-hidden />}
        purpose="Consent is recorded per store once it syncs."
      />
    );

  const lookUp = (e: string) => {
    setEmail(e);
    setTab('lookup');
  };
  return (
    <Stack data-testid="area-consent" maw={1000}>
      <Title order={2}>Consent</Title>
      <Text c="dimmed">
        The consent ledger keeps every consent action with where it came from. The most recent explicit action
        of the person wins; a sync or import can only lower consent, never raise it.
      </Text>
      <Select
        label="Store"
        data={stores.map((s) => ({ value: s.id, label: `${s.name} (${s.storeHash})` }))}
        value={store.id}
        onChange={setChosen}
        allowDeselect={false}
        maw={420}
        data-testid="consent-store"
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="lookup" data-testid="tab-consent-lookup">
            Look up a person
          </Tabs.Tab>
          <Tabs.Tab value="reconcile" data-testid="tab-consent-reconcile">
            Mismatches and reconcile
          </Tabs.Tab>
          <Tabs.Tab value="impact" data-testid="tab-consent-impact">
            Impact of a historical sync
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lookup" pt="md">
          <PersonLookup key={`${store.id}|${email}`} store={store} initialEmail={email} />
        </Tabs.Panel>
        <Tabs.Panel value="reconcile" pt="md">
          <ReconcilePanel key={store.id} store={store} onLookUp={lookUp} />
        </Tabs.Panel>
        <Tabs.Panel value="impact" pt="md">
          <ImpactPanel key={store.id} store={store} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
