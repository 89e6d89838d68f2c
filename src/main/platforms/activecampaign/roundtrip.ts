// Runs in: main (Electron-free). Owns: the wizard's optional round trip on ActiveCampaign: one contact for a
// reserved test identity, on no list and with no tag (automations start on those, so none fires), read back by
// email, then deleted.
import type { VerifyCheck } from '../../engine/connector.js';
import { runRoundTrip, testIdentityEmail, type RoundTripWait } from '../shared/roundtrip.js';
import { AcCallError, type AcClient } from './client.js';

export const ROUND_TRIP_WRITES =
  'One contact storebridge-verify+<random>@example.invalid named "Storebridge verify", on no list and ' +
  'with no tag (so no automation starts); it is read back and then deleted.';

const FIRST = 'Storebridge';
const LAST = 'verify';

const permission = (err: unknown, what: string): string =>
  err instanceof AcCallError && err.kind === 'auth'
    ? `The key was refused (403): use the key of a user whose group may ${what} (Settings → Users → Groups → Permissions).`
    : err instanceof AcCallError && err.kind === 'rate'
      ? 'ActiveCampaign was busy (429); run the check again in a minute.'
      : err instanceof AcCallError
        ? 'ActiveCampaign did not answer as expected; run the check again, and if it keeps failing send a diagnostics bundle.'
        : 'ActiveCampaign accepted the contact but did not give it back as written: check that no automation or integration edits new contacts, then run the check again.';

interface Row {
  id?: unknown;
  email?: unknown;
  firstName?: unknown;
  lastName?: unknown;
}

export function roundTrip(c: AcClient, wait: RoundTripWait): Promise<VerifyCheck[]> {
  const email = testIdentityEmail();
  return runRoundTrip<string>(
    {
      write: {
        label: 'Write a test contact',
        run: async () => {
          const res = await c.post('/contact/sync', {
            contact: { email, firstName: FIRST, lastName: LAST },
          });
          const id = (res.body as { contact?: Row })?.contact?.id;
          if (id === undefined || id === null)
            throw new Error('ActiveCampaign answered without a contact id');
          return { handle: String(id), detail: `contact ${email} created (id ${String(id)})` };
        },
        fix: (err) => permission(err, 'add and edit contacts'),
      },
      read: {
        label: 'Read it back',
        run: async () => {
          const res = await c.get(`/contacts?email=${encodeURIComponent(email)}`);
          const row = ((res.body as { contacts?: Row[] })?.contacts ?? [])[0];
          if (!row) return undefined;
          if (row.firstName !== FIRST || row.lastName !== LAST)
            throw new Error(
              `the contact came back as "${String(row.firstName)} ${String(row.lastName)}", not "${FIRST} ${LAST}"`,
            );
          return 'found by email with the name as written';
        },
        fix: (err) => permission(err, 'view contacts'),
      },
      remove: {
        label: 'Delete it',
        run: async (id) => {
          await c.delete(`/contacts/${encodeURIComponent(id)}`);
          return `contact ${id} deleted`;
        },
        fix: (err) => `${permission(err, 'delete contacts')} Then delete ${email} under Contacts yourself.`,
      },
    },
    wait,
  );
}
