// Runs in: renderer. Owns: the connection wizard (store -> platform -> account -> settings -> first sync ->
// run): each step is checked by main before the next opens, and the last one runs the sync with progress.
import { Alert, Button, Group, Modal, Stepper } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../../state/api-context';
import { useStatus } from '../../../state/status-store';
import { useStores } from '../../../state/stores-store';
import { platformLabel, useWorkspace } from '../../../state/workspace-store';
import { errorText } from '../../../ui/errors';
import { syncOnce } from '../run-sync';
import { SyncRun, type SyncSummary } from '../SyncRun';
import { StepAccount } from './StepAccount';
import { StepFirstSync } from './StepFirstSync';
import { StepSettings } from './StepSettings';
import { StepPlatform, StepStore } from './StepStorePlatform';
import { leaveStep } from './wizard-actions';
import { initialWizard, type WizardState } from './wizard-state';
import { defaultsOf, fieldsOf } from '../../../ui/schema';

export function ConnectionWizard({
  opened,
  onClose,
  storeId,
}: {
  opened: boolean;
  onClose(): void;
  storeId?: string;
}) {
  const api = useApi();
  const { platforms, accounts } = useWorkspace();
  const stores = useStores((s) => s.stores);
  const [step, setStep] = useState(0);
  const [state, setState] = useState<WizardState>({ ...initialWizard, storeId: storeId ?? null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<SyncSummary | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const running = useStatus((s) => (state.connectionId ? (s.syncing[state.connectionId] ?? false) : false));

  const platform = platforms.find((p) => p.platform === state.platform);
  const storeName = stores.find((s) => s.id === state.storeId)?.name ?? 'the store';
  const what = `${storeName} → ${platformLabel(platforms, state.platform)}`;
  const set = (patch: Partial<WizardState>) => {
    // A new platform brings its own settings defaults.
    if (patch.platform && patch.platform !== state.platform) {
      const p = platforms.find((x) => x.platform === patch.platform);
      patch = { ...patch, settings: defaultsOf(fieldsOf(p?.settingsSchema)) };
    }
    setState((s) => ({ ...s, ...patch }));
  };

  const close = () => {
    setStep(0);
    setState({ ...initialWizard, storeId: storeId ?? null });
    setErrors({});
    setMessage(null);
    setSummary(null);
    setRunError(null);
    onClose();
  };

  const run = async (s: WizardState) => {
    setSummary(null);
    setRunError(null);
    try {
      setSummary(
        await syncOnce(api, s.connectionId!, {
          historical: s.historical,
          from: s.from ? new Date(s.from).toISOString() : undefined,
          to: s.to ? new Date(`${s.to}T23:59:59`).toISOString() : undefined,
        }),
      );
    } catch (err) {
      setRunError(`${what}: ${errorText(err)}`);
    }
  };

  const next = async () => {
    setBusy(true);
    setMessage(null);
    setErrors({});
    const hasExisting = accounts.some((a) => a.platform === state.platform);
    const out = await leaveStep(api, step, state, platform, hasExisting);
    setBusy(false);
    if (!out.ok) {
      setErrors(out.errors);
      setMessage(out.message ?? 'Check the highlighted fields.');
      return;
    }
    const nextState = { ...state, ...out.patch };
    setState(nextState);
    setStep(step + 1);
    if (step === 4) void run(nextState);
  };

  const locked = state.connectionId !== null;
  return (
    <Modal opened={opened} onClose={close} title="Connect a store" size="xl" data-testid="wizard">
      <Stepper
        active={step}
        onStepClick={(i) => !running && i < step && (!locked || i >= 4) && setStep(i)}
        size="sm"
      >
        <Stepper.Step label="Store" allowStepSelect={!locked}>
          <StepStore state={state} set={set} />
        </Stepper.Step>
        <Stepper.Step label="Platform" allowStepSelect={!locked}>
          <StepPlatform state={state} set={set} />
        </Stepper.Step>
        <Stepper.Step label="Account" allowStepSelect={!locked}>
          <StepAccount state={state} set={set} errors={errors} />
        </Stepper.Step>
        <Stepper.Step label="Settings" allowStepSelect={!locked}>
          <StepSettings state={state} set={set} errors={errors} />
        </Stepper.Step>
        <Stepper.Step label="First sync">
          <StepFirstSync state={state} set={set} errors={errors} />
        </Stepper.Step>
        <Stepper.Completed>
          {state.connectionId && (
            <SyncRun connectionId={state.connectionId} summary={summary} error={runError} what={what} />
          )}
        </Stepper.Completed>
      </Stepper>
      {message && (
        <Alert color="red" mt="md" title={`Cannot continue (${what})`} data-testid="wizard-error">
          {message}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        {step < 5 ? (
          <>
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => void next()} loading={busy} data-testid="wizard-next">
              {step === 3 ? 'Create connection' : step === 4 ? 'Run first sync' : 'Next'}
            </Button>
          </>
        ) : (
          <>
            {runError && (
              <Button variant="default" onClick={() => void run(state)} data-testid="wizard-retry">
                Try again
              </Button>
            )}
            <Button onClick={close} disabled={running} data-testid="wizard-done">
              Done
            </Button>
          </>
        )}
      </Group>
    </Modal>
  );
}
