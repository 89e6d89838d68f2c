// Runs in: renderer. Owns: a store's consent reconcile as three steps: check (optionally pulling opt-outs
// from the platforms first) for mismatches, preview what reconciling would change, then apply it.
import { Alert, Button, Checkbox, Group, Stack, Stepper, Text } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import type { StoreSummary } from '../../../shared/contract/index';
import { useApi } from '../../state/api-context';
import { useWorkspace } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';
import { ask } from '../../ui/parse-answer';
import {
  actionSchema,
  applySchema,
  mismatchSchema,
  pullSchema,
  type ApplyResult,
  type Mismatch,
  type ReconcileAction,
} from './consent-shapes';
import { ActionsTable, MismatchTable, PullResults } from './ReconcileTables';

type Pulled = z.infer<typeof pullSchema>[];

export function ReconcilePanel({
  store,
  onLookUp,
}: {
  store: StoreSummary;
  onLookUp: (email: string) => void;
}) {
  const api = useApi();
  const connections = useWorkspace((s) => s.connections).filter((c) => c.storeId === store.id);
  const [pullFirst, setPullFirst] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [pulled, setPulled] = useState<Pulled | null>(null);
  const [report, setReport] = useState<Mismatch[] | null>(null);
  const [actions, setActions] = useState<ReconcileAction[] | null>(null);
  const [applied, setApplied] = useState<ApplyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const step = applied ? 3 : actions ? 2 : report ? 1 : 0;

  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(`${what} for ${store.name}: ${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };
  const check = () =>
    run('Checking consent', async () => {
      setActions(null);
      setApplied(null);
      setPulled(
        pullFirst
          ? await ask(api.consent.pull({ storeId: store.id }), z.array(pullSchema), 'consent:pull')
          : null,
      );
      setReport(
        await ask(api.consent.report({ storeId: store.id }), z.array(mismatchSchema), 'consent:report'),
      );
    });
  const preview = () =>
    run('Previewing the reconcile', async () => {
      setActions(
        await ask(api.consent.preview({ storeId: store.id }), z.array(actionSchema), 'consent:preview'),
      );
    });
  const apply = () =>
    run('Reconciling', async () => {
      setApplied(await ask(api.consent.apply({ storeId: store.id }), applySchema, 'consent:apply'));
      // What is left after applying: normally nothing but the systems without a write path.
      setReport(
        await ask(api.consent.report({ storeId: store.id }), z.array(mismatchSchema), 'consent:report'),
      );
    });

  return (
    <Stack>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Check" description="Find disagreements" />
        <Stepper.Step label="Preview" description="What would change" />
        <Stepper.Step label="Apply" description="Write and queue" />
      </Stepper>
      <Group>
        <Checkbox
          label={`Pull opt-outs from the platforms first (${connections.length} connection${connections.length === 1 ? '' : 's'})`}
          checked={pullFirst}
          onChange={(e) => setPullFirst(e.currentTarget.checked)}
          data-testid="consent-pull-first"
        />
        <Button
          onClick={() => void check()}
          loading={busy === 'Checking consent'}
          data-testid="consent-check"
        >
          {report ? 'Check again' : 'Check for mismatches'}
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="That did not work" data-testid="consent-reconcile-error">
          {error}
        </Alert>
      )}
      {pulled && <PullResults pulled={pulled} />}
      {report && report.length === 0 && (
        <Alert color="green" title="Everything agrees" data-testid="consent-no-mismatch">
          BigCommerce and every connection of {store.name} agree with the ledger on who may be mailed.
        </Alert>
      )}
      {report && report.length > 0 && (
        <>
          <Text size="sm">
            {report.length} {report.length === 1 ? 'person is' : 'people are'} known differently somewhere
            than the ledger decides. Nothing changes until you apply the preview.
          </Text>
          <MismatchTable report={report} onLookUp={onLookUp} />
          {!applied && (
            <Group>
              <Button
                variant="light"
                onClick={() => void preview()}
                loading={busy === 'Previewing the reconcile'}
                data-testid="consent-preview"
              >
                Preview the reconcile
              </Button>
            </Group>
          )}
        </>
      )}
      {actions && !applied && (
        <>
          <ActionsTable actions={actions} />
          <Group>
            <Button
              color="red.9"
              onClick={() => void apply()}
              loading={busy === 'Reconciling'}
              disabled={actions.length === 0}
              data-testid="consent-apply"
            >
              Apply {actions.length} change{actions.length === 1 ? '' : 's'}
            </Button>
          </Group>
        </>
      )}
      {applied && <ActionsTable actions={applied.done} outcome />}
    </Stack>
  );
}
