// Runs in: renderer. Owns: the wizard's first two steps: which store, and which platform it syncs to.
import { Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useStores } from '../../../state/stores-store';
import { useWorkspace } from '../../../state/workspace-store';
import type { WizardState } from './wizard-state';

interface Props {
  state: WizardState;
  set(patch: Partial<WizardState>): void;
}

export function StepStore({ state, set }: Props) {
  const stores = useStores((s) => s.stores);
  return (
    <Select
      label="Store"
      description="The BigCommerce store whose customers, orders and products are synced"
      data={stores.map((s) => ({ value: s.id, label: `${s.name} (${s.storeHash})` }))}
      value={state.storeId}
      onChange={(v) => set({ storeId: v })}
      data-testid="wizard-store"
      searchable
      required
    />
  );
}

export function StepPlatform({ state, set }: Props) {
  const platforms = useWorkspace((s) => s.platforms);
  return (
    <Radio.Group
      label="Platform"
      description="Where the store's data goes"
      value={state.platform}
      onChange={(v) =>
        set({
          platform: v,
          accountId: null,
          credentials: {},
          settings: {},
          continuous: v !== 'file',
        })
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
        {platforms.map((p) => (
          <Radio.Card
            key={p.platform}
            value={p.platform}
            p="md"
            data-testid={`wizard-platform-${p.platform}`}
          >
            <Stack gap={4}>
              <Group2 label={p.label} />
              <Text size="xs" c="dimmed">
                {p.capabilities.join(', ') || 'no capabilities listed'}
              </Text>
            </Stack>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

function Group2({ label }: { label: string }) {
  return (
    <Text fw={600} size="sm">
      {label}
    </Text>
  );
}
