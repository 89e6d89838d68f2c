// Runs in: renderer. Owns: the wizard's account step: reuse an account of the platform, or add one with
// credentials from the platform's schema, each field saying where to find its value.
import { Alert, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
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

export function StepAccount({ state, set, errors }: Props) {
  const { accounts, platforms } = useWorkspace();
  const platform = platforms.find((p) => p.platform === state.platform);
  const mine = accounts.filter((a) => a.platform === state.platform);
  const fields = useMemo(() => fieldsOf(platform?.credentialsSchema), [platform]);
  const mode = mine.length === 0 ? 'new' : state.accountMode;
  return (
    <Stack>
      {mine.length > 0 && (
        <SegmentedControl
          data={[
            { value: 'existing', label: `Use an existing account (${mine.length})` },
            { value: 'new', label: 'Add a new account' },
          ]}
          value={mode}
          onChange={(v) => set({ accountMode: v as 'existing' | 'new' })}
          data-testid="wizard-account-mode"
        />
      )}
      {mode === 'existing' ? (
        <Select
          label={`${platform?.label ?? ''} account`}
          data={mine.map((a) => ({ value: a.id, label: `${a.name} (${a.credentials.hint || 'no secret'})` }))}
          value={state.accountId}
          onChange={(v) => set({ accountId: v })}
          data-testid="wizard-account-existing"
        />
      ) : (
        <>
          <TextInput
            label="Account name"
            description="How this account appears in Storebridge"
            required
            value={state.accountName}
            onChange={(e) => set({ accountName: e.currentTarget.value })}
            error={errors.name}
            data-testid="wizard-account-name"
          />
          {fields.length === 0 ? (
            <Text size="sm" c="dimmed">
              {platform?.label} needs no credentials.
            </Text>
          ) : (
            <SchemaForm
              fields={fields}
              values={state.credentials}
              errors={errors}
              onChange={(credentials) => set({ credentials })}
              testIdPrefix="cred"
            />
          )}
          <Alert variant="light" color="gray">
            Credentials go to your OS keychain; the console only ever shows their last characters.
          </Alert>
        </>
      )}
    </Stack>
  );
}
