// Runs in: renderer. Owns: the wizard's settings step: the connection's name, how often it syncs, and the
// platform's settings form with its defaults filled in.
import { Alert, Stack, Switch, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useWorkspace } from '../../../state/workspace-store';
import { SchemaForm } from '../../../ui/SchemaForm';
import { fieldsOf } from '../../../ui/schema';
import type { WizardState } from './wizard-state';

interface Props {
  state: WizardState;
  set(patch: Partial<WizardState>): void;
  errors: Record<string, string>;
}

export function StepSettings({ state, set, errors }: Props) {
  const platforms = useWorkspace((s) => s.platforms);
  const platform = platforms.find((p) => p.platform === state.platform);
  const fields = useMemo(() => fieldsOf(platform?.settingsSchema), [platform]);
  // No channel changes a connection's settings once it exists: say so rather than accept edits that are lost.
  const fixed = state.connectionId !== null;
  return (
    <Stack>
      {fixed && (
        <Alert color="gray" data-testid="wizard-settings-fixed">
          This connection exists: its settings stay as created. To change them, remove it and connect again.
        </Alert>
      )}
      <fieldset disabled={fixed} style={{ border: 0, padding: 0, margin: 0, display: 'contents' }}>
        <TextInput
          label="Connection name"
          description="Optional; Storebridge names it after the store and platform otherwise"
          value={state.connectionName}
          onChange={(e) => set({ connectionName: e.currentTarget.value })}
          error={errors.name}
          data-testid="wizard-connection-name"
        />
        <Switch
          label="Keep syncing continuously"
          description="Off: the connection only syncs when you run it (exports, one-off copies)"
          checked={state.continuous}
          onChange={(e) => set({ continuous: e.currentTarget.checked })}
          data-testid="wizard-continuous"
        />
        <SchemaForm
          fields={fields}
          values={state.settings}
          errors={errors}
          onChange={(settings) => set({ settings })}
          testIdPrefix="setting"
        />
      </fieldset>
    </Stack>
  );
}
