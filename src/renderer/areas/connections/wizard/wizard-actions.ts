// Runs in: renderer. Owns: what each wizard step does on "Next": check the choice, create the account or
// the connection in main, and say what to fix when main refuses.
import type { Api } from '../../../../shared/contract/api';
import { ApiError, unwrap } from '../../../state/api-context';
import type { PlatformInfo } from '../../../state/workspace-store';
import { fieldsOf, toPayload } from '../../../ui/schema';
import type { WizardState } from './wizard-state';

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

export async function leaveStep(
  api: Api,
  step: number,
  s: WizardState,
  platform: PlatformInfo | undefined,
  hasExisting: boolean,
): Promise<StepOutcome> {
  try {
    switch (step) {
      case 0:
        return s.storeId ? { ok: true } : fail({}, 'Choose the store to connect.');
      case 1:
        return s.platform ? { ok: true } : fail({}, 'Choose a platform.');
      case 2: {
        if (hasExisting && s.accountMode === 'existing')
          return s.accountId ? { ok: true } : fail({}, 'Choose an account, or add a new one.');
        if (s.accountId && s.accountMode === 'new') return { ok: true };
        const credentials = toPayload(fieldsOf(platform?.credentialsSchema), s.credentials);
        const account = await unwrap(
          api.accounts.add({ platform: s.platform!, name: s.accountName, credentials }),
        );
        return { ok: true, patch: { accountId: account.id } };
      }
      case 3: {
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
      case 4:
        if (s.from && s.to && s.from > s.to) return fail({ to: 'The end date is before the start date' });
        return { ok: true };
      default:
        return { ok: true };
    }
  } catch (err) {
    return fromError(err);
  }
}
