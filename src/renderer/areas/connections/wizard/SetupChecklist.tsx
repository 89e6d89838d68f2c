// Runs in: renderer. Owns: the wizard's final "verify the setup" checklist after the first sync: the store
// still answers, the connection is live, the mapping is saved, the platform accepted records (the connection's
// event log) and the connector's own checks ('connections:verifySetup'), each saying what to do when it fails;
// then the optional test-record round trip.
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Api } from '../../../../shared/contract/api';
import { unwrap, useApi } from '../../../state/api-context';
import { errorText } from '../../../ui/errors';
import type { SyncSummary } from '../SyncRun';
import { RoundTrip } from './RoundTrip';
import { CheckList, type CheckItem } from '../../../ui/CheckList';
import type { WizardState } from './wizard-state';

async function runChecks(
  api: Api,
  s: WizardState,
  summary: SyncSummary,
  label: string,
): Promise<CheckItem[]> {
  const id = s.connectionId!;
  const item = async (
    itemId: string,
    name: string,
    probe: () => Promise<{ ok: boolean; detail: string; fix?: string }>,
  ): Promise<CheckItem> => {
    try {
      const r = await probe();
      return { id: itemId, label: name, ok: r.ok, detail: r.detail, fix: r.ok ? null : (r.fix ?? null) };
    } catch (err) {
      return { id: itemId, label: name, ok: false, detail: errorText(err), fix: 'Check again in a moment' };
    }
  };
  const platformChecks = unwrap(api.connections.verifySetup({ id, roundTrip: false })).then(
    (v) => v.checks.map((c): CheckItem => ({ ...c, id: `platform-${c.id}` })),
    (err: unknown): CheckItem[] => [
      {
        id: 'platform',
        label: `${label} checks`,
        ok: false,
        detail: errorText(err),
        fix: 'Check again in a moment',
      },
    ],
  );
  const own = Promise.all([
    item('store', 'The store answers with its token', async () => {
      const v = await unwrap(api.stores.verify({ id: s.storeId! }));
      const bad = v.checks.filter((c) => !c.ok);
      return {
        ok: bad.length === 0,
        detail: bad.length ? bad.map((c) => c.label).join(', ') : `${v.store?.name ?? 'Store'} verified`,
        fix: bad[0]?.fix ?? undefined,
      };
    }),
    item('sync', 'The first sync finished', async () => ({
      ok: summary.state === 'drained' && summary.dead === 0,
      detail: `${summary.extracted} read, ${summary.delivered} delivered, ${summary.dead} dead letters (${summary.state})`,
      fix: 'Open the Event log, Dead letters tab: each record says why it was refused; replay it once fixed',
    })),
    item('arrived', `${label} accepted the records`, async () => {
      const evs = await unwrap(api.events.query({ connectionId: id, type: 'delivery.batch', limit: 20 }));
      const recent = evs.filter((e) => e.at >= summary.startedAt);
      return {
        ok: recent.length > 0 || summary.delivered === 0,
        detail:
          summary.delivered === 0
            ? 'Nothing new to send: the store had no changes in the chosen range'
            : `${recent.length} batch(es) answered by ${label} during the first sync`,
        fix: 'Run "Sync now" on the Connections screen and look at the Event log',
      };
    }),
    item('live', 'The connection is live', async () => {
      const st = await unwrap(api.connections.status({ id }));
      const failing = st.lastError !== null && (st.lastRunFinished ?? 0) > (st.lastOk ?? 0);
      return {
        ok: st.destination === 'online' && !failing,
        detail: failing ? (st.lastError ?? '') : `${label} online, ${st.queue.queued} queued`,
        fix: 'Check the credentials on the platform and run "Sync now"',
      };
    }),
    ...(s.platform === 'file'
      ? []
      : [
          item('mapping', 'The field mapping is saved', async () => {
            const m = await unwrap(api.mapping.get({ connectionId: id, entity: 'customer' }));
            return {
              ok: m !== null,
              detail: m ? 'Customer fields mapped' : 'No saved mapping',
              fix: 'Open Field mapping and save',
            };
          }),
        ]),
  ]);
  const [mine, theirs] = await Promise.all([own, platformChecks]);
  return [...mine, ...theirs];
}

export function SetupChecklist({
  state,
  summary,
  label,
}: {
  state: WizardState;
  summary: SyncSummary;
  label: string;
}) {
  const api = useApi();
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<{ round: number; items: CheckItem[] } | null>(null);
  useEffect(() => {
    let live = true;
    void runChecks(api, state, summary, label).then((items) => live && setAnswer({ round, items }));
    return () => {
      live = false;
    };
  }, [api, state, summary, label, round]);
  const items = answer?.round === round ? answer.items : null;
  const check = () => setRound((r) => r + 1);
  return (
    <Stack
      gap="xs"
      data-testid="setup-checklist"
      data-done={items !== null}
      data-ok={items?.every((i) => i.ok)}
    >
      <Group justify="space-between">
        <Text fw={600}>Verify the setup</Text>
        <Button size="xs" variant="default" onClick={check} disabled={!items}>
          Check again
        </Button>
      </Group>
      {!items ? (
        <Loader size="sm" />
      ) : (
        <CheckList items={items} label="Setup checklist" itemTestId="setup-item" />
      )}
      {state.platform !== 'file' && state.connectionId && (
        <RoundTrip connectionId={state.connectionId} label={label} />
      )}
    </Stack>
  );
}
