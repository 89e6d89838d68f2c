// Runs in: renderer. Owns: the connection wizard (store -> platform -> credentials -> verify -> settings ->
// field mapping -> consent -> first sync -> run and "verify the setup"): each step is checked by main before
// the next opens; the draft lives in the wizard-draft store, so closing halfway resumes later.
import { Alert, Button, Group, Modal, Stack, Stepper } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../../state/api-context';
import { useStatus } from '../../../state/status-store';
import { useStores } from '../../../state/stores-store';
import { useWizardDraft } from '../../../state/wizard-draft-store';
import { platformLabel, useWorkspace } from '../../../state/workspace-store';
import { errorText } from '../../../ui/errors';
import { defaultsOf, fieldsOf } from '../../../ui/schema';
import { syncOnce } from '../run-sync';
import { SyncRun, type SyncSummary } from '../SyncRun';
import { SetupChecklist } from './SetupChecklist';
import { StepAccount } from './StepAccount';
import { StepConsent } from './StepConsent';
import { StepFirstSync } from './StepFirstSync';
import { StepMapping } from './StepMapping';
import { StepSettings } from './StepSettings';
import { StepPlatform, StepStore } from './StepStorePlatform';
import { StepVerify } from './StepVerify';
import { leaveStep } from './wizard-actions';
import { lockedStep, stepLabels, stepsFor, type StepId, type WizardState } from './wizard-state';

const nextLabel: Partial<Record<StepId, string>> = {
  settings: 'Create connection',
  mapping: 'Save mapping',
  firstSync: 'Run first sync',
};

export function ConnectionWizard() {
  const api = useApi();
  const { platforms, accounts } = useWorkspace();
  const stores = useStores((s) => s.stores);
  const { step, state, set: patchState, go, close, discard } = useWizardDraft();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<SyncSummary | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const running = useStatus((s) => (state.connectionId ? (s.syncing[state.connectionId] ?? false) : false));

  const steps = stepsFor(state.platform);
  const index = step === 'run' ? steps.length : Math.max(0, steps.indexOf(step));
  const platform = platforms.find((p) => p.platform === state.platform);
  const storeName = stores.find((s) => s.id === state.storeId)?.name ?? 'the store';
  const label = platformLabel(platforms, state.platform);
  const what = `${storeName} → ${label}`;
  const set = (patch: Partial<WizardState>) => {
    // A new platform brings its own settings defaults.
    if (patch.platform && patch.platform !== state.platform) {
      const p = platforms.find((x) => x.platform === patch.platform);
      patch = { ...patch, settings: defaultsOf(fieldsOf(p?.settingsSchema)) };
    }
    patchState(patch);
  };

  const finish = () => {
    discard();
    setSummary(null);
    setRunError(null);
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
    if (step === 'run') return;
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
    if (out.patch) patchState(out.patch);
    const following = steps[index + 1] ?? 'run';
    go(following);
    if (following === 'run') void run(nextState);
  };

  const body: Record<StepId, ReactNode> = {
    store: <StepStore state={state} set={set} />,
    platform: <StepPlatform state={state} set={set} />,
    credentials: <StepAccount state={state} set={set} errors={errors} />,
    verify: <StepVerify state={state} set={set} />,
    settings: <StepSettings state={state} set={set} errors={errors} />,
    mapping: <StepMapping state={state} />,
    consent: <StepConsent state={state} />,
    firstSync: <StepFirstSync state={state} set={set} errors={errors} />,
  };

  return (
    <Modal
      opened
      onClose={close}
      title={state.editing ? `Edit ${what}` : 'Connect a store'}
      size="xl"
      data-testid="wizard"
      data-step={step}
    >
      <Stepper
        active={index}
        onStepClick={(i) => !running && step !== 'run' && i < index && go(steps[i]!)}
        size="xs"
      >
        {steps.map((id) => (
          <Stepper.Step
            key={id}
            label={stepLabels[id]}
            allowStepSelect={!lockedStep(state, id) && step !== 'run'}
          >
            {body[id]}
          </Stepper.Step>
        ))}
        <Stepper.Completed>
          {state.connectionId && (
            <Stack>
              <SyncRun connectionId={state.connectionId} summary={summary} error={runError} what={what} />
              {summary && <SetupChecklist state={state} summary={summary} label={label} />}
            </Stack>
          )}
        </Stepper.Completed>
      </Stepper>
      {message && (
        <Alert color="red" mt="md" title={`Cannot continue (${what})`} data-testid="wizard-error">
          {message}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        {step !== 'run' ? (
          <>
            <Button variant="default" onClick={close} data-testid="wizard-later">
              Close, resume later
            </Button>
            <Button onClick={() => void next()} loading={busy} data-testid="wizard-next">
              {nextLabel[step] ?? 'Next'}
            </Button>
          </>
        ) : (
          <>
            {runError && (
              <Button variant="default" onClick={() => void run(state)} data-testid="wizard-retry">
                Try again
              </Button>
            )}
            <Button onClick={finish} disabled={running} data-testid="wizard-done">
              Done
            </Button>
          </>
        )}
      </Group>
    </Modal>
  );
}
