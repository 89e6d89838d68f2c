// Runs in: renderer. Owns: what each wizard step does on "Next": check the choice, create the account or
// the connection in main, verify, save the mapping, and say what to fix when main refuses.
import type { Api } from '../../../../shared/contract/api';
import { ApiError, unwrap } from '../../../state/api-context';
import { useMapping } from '../../../state/mapping-store';
import type { PlatformInfo } from '../../../state/workspace-store';
import { fieldsOf, toPayload } from '../../../ui/schema';
import type { StepId, WizardState } from './wizard-state';

export type StepOutcome =
  | { ok: true; patch?: Partial<WizardState> }
  | { ok: false; errors: Record<string, string>; message?: string };

const fail = (errors: Record<string, string>, message?: string): StepOutcome => ({
  ok: false,
  errors,
  message,
});

function fromError(err: unknown): StepOutcome {
  if (err instanceof ApiError) return fail(err.shape.fields ?? {}, err.message);
  return fail({}, err instanceof Error ? err.message : String(err));
}

/** The mapping store once it has loaded this connection (or failed to), so an early "Next" waits for it. */
function mappingLoaded(connectionId: string, timeoutMs = 30_000) {
  type M = ReturnType<typeof useMapping.getState>;
  const ready = (m: M) =>
    m.connectionId === connectionId && !m.loading && (m.catalogue !== null || m.error !== null);
  const now = useMapping.getState();
  if (ready(now)) return Promise.resolve(now);
  return new Promise<M>((resolve) => {
    const done = (m: M) => {
      clearTimeout(timer);
      off();
      resolve(m);
    };
    const timer = setTimeout(() => done(useMapping.getState()), timeoutMs);
    const off = useMapping.subscribe((m) => ready(m) && done(m));
  });
}

export async function leaveStep(
  api: Api,
  step: StepId,
  s: WizardState,
  platform: PlatformInfo | undefined,
  hasExisting: boolean,
): Promise<StepOutcome> {
  try {
    switch (step) {
      case 'store':
        return s.storeId ? { ok: true } : fail({}, 'Choose the store to connect.');
      case 'platform':
        return s.platform ? { ok: true } : fail({}, 'Choose a platform.');
      case 'credentials': {
        if (hasExisting && s.accountMode === 'existing')
          return s.accountId ? { ok: true } : fail({}, 'Choose an account, or add a new one.');
        if (s.accountId && s.accountMode === 'new') return { ok: true, patch: { credentials: {} } };
        const credentials = toPayload(fieldsOf(platform?.credentialsSchema), s.credentials);
        const account = await unwrap(
          api.accounts.add({ platform: s.platform!, name: s.accountName, credentials }),
        );
        // The secrets now live in the keychain; the wizard (and its saved draft) forgets them.
        return { ok: true, patch: { accountId: account.id, credentials: {} } };
      }
      case 'verify': {
        const v = await unwrap(api.stores.verify({ id: s.storeId! }));
        const failing = v.checks.filter((c) => !c.ok);
        if (failing.length === 0 || s.verifyAnyway) return { ok: true };
        return fail(
          {},
          `Fix ${failing.map((c) => `"${c.label}"`).join(', ')} (see each item), or tick "continue anyway".`,
        );
      }
      case 'settings': {
        if (s.connectionId) return { ok: true };
        const settings = toPayload(fieldsOf(platform?.settingsSchema), s.settings);
        const c = await unwrap(
          api.connections.add({
            storeId: s.storeId!,
            accountId: s.accountId!,
            ...(s.connectionName.trim() ? { name: s.connectionName.trim() } : {}),
            settings,
            mode: s.continuous ? 'continuous' : 'off',
          }),
        );
        return { ok: true, patch: { connectionId: c.id } };
      }
      case 'mapping': {
        const m = await mappingLoaded(s.connectionId!);
        if (!m.catalogue)
          return fail({}, m.error ?? 'The mapping did not load; go back a step and try again.');
        if (m.catalogue.target.length === 0) return { ok: true };
        await m.save(api);
        return { ok: true };
      }
      case 'consent':
        return { ok: true };
      case 'firstSync':
        if (s.from && s.to && s.from > s.to) return fail({ to: 'The end date is before the start date' });
        return { ok: true };
    }
  } catch (err) {
    return fromError(err);
  }
}
