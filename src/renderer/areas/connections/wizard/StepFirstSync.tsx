// Runs in: renderer. Owns: choosing the first sync: the store's history (optionally a date range), or only
// what changes from now on.
import { Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { EstimatePanel } from '../EstimatePanel';
import type { WizardState } from './wizard-state';

interface Props {
  state: WizardState;
  set(patch: Partial<WizardState>): void;
  errors: Record<string, string>;
}

export function StepFirstSync({ state, set, errors }: Props) {
  return (
    <Stack>
      <Radio.Group
        label="First sync"
        value={state.historical ? 'historical' : 'now'}
        onChange={(v) => set({ historical: v === 'historical' })}
      >
        <Stack gap="xs" mt="xs">
          <Radio
            value="historical"
            label="Historical: send what the store already has"
            data-testid="wizard-historical"
          />
          <Radio value="now" label="From now: only what changes from now on" data-testid="wizard-from-now" />
        </Stack>
      </Radio.Group>
      {state.historical && (
        <Group grow>
          <TextInput
            type="date"
            label="From (optional)"
            value={state.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
            error={errors.from}
            data-testid="wizard-from"
          />
          <TextInput
            type="date"
            label="To (optional)"
            value={state.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
            error={errors.to}
            data-testid="wizard-to"
          />
        </Group>
      )}
      {state.historical && state.connectionId && <EstimatePanel connectionId={state.connectionId} />}
      <Text size="sm" c="dimmed">
        Empty dates mean the whole history. The sync runs in the next step, with live progress.
      </Text>
    </Stack>
  );
}
