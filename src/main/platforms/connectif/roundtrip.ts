// Runs in: main (Electron-free). Owns: the wizard's optional round trip on Connectif: one contact for a
// reserved test identity with a name only (no newsletter status, no purchase or cart, so no workflow trigger
// of ours fires), read back by email, then deleted with the erase route.
import type { VerifyCheck } from '../../engine/connector.js';
import { runRoundTrip, testIdentityEmail, type RoundTripWait } from '../shared/roundtrip.js';
import { CfCallError, enc, type CfClient } from './client.js';

export const ROUND_TRIP_WRITES =
  'One contact storebridge-verify+<random>@example.invalid with name "Storebridge" and surname "verify", ' +
  'no newsletter status, purchase or cart; it is read back and then deleted.';

const NAME = 'Storebridge';
const SURNAME = 'verify';

function fixFor(err: unknown, scope: string): string {
  if (err instanceof CfCallError && err.kind === 'auth')
    return `Edit the API key in Store Settings → API Keys and give it ${scope}.`;
  if (err instanceof CfCallError && (err.kind === 'unreachable' || err.kind === 'lost'))
    return 'Connectif could not be reached: check the connection, then run the check again.';
  if (err instanceof CfCallError && err.kind === 'rate')
    return 'Connectif’s rate limit was reached; run the check again in a minute.';
  if (err instanceof CfCallError)
    return 'Connectif refused the call with the message shown; run the check again, then contact its support.';
  return 'Connectif accepted the contact but did not give it back as written; run the check again in a minute.';
}

export function roundTrip(c: CfClient, wait: RoundTripWait): Promise<VerifyCheck[]> {
  const email = testIdentityEmail();
  const path = `/contacts/${enc(email)}`;
  return runRoundTrip<string>(
    {
      write: {
        label: 'Write a test contact',
        run: async () => {
          await c.call('PATCH', path, { _name: NAME, _surname: SURNAME });
          return { handle: email, detail: `contact ${email} created` };
        },
        fix: (err) => fixFor(err, 'Read and Write Contacts'),
      },
      read: {
        label: 'Read it back',
        run: async () => {
          const res = await c.call('GET', path, undefined, true);
          if (res.status === 404) return undefined;
          const b = (res.body ?? {}) as Record<string, unknown>;
          if (b['_name'] !== NAME || b['_surname'] !== SURNAME)
            throw new Error(
              `the contact came back as "${String(b['_name'])} ${String(b['_surname'])}", not "${NAME} ${SURNAME}"`,
            );
          return 'found by email with the name as written';
        },
        fix: (err) => fixFor(err, 'Read and Write Contacts'),
      },
      remove: {
        label: 'Delete it',
        run: async () => {
          const res = await c.call('DELETE', path, undefined, true);
          return res.status === 404 ? 'the test contact was already gone' : 'the test contact was deleted';
        },
        fix: (err) =>
          `${fixFor(err, 'the permission to delete contacts')} Then delete ${email} under Contacts yourself.`,
      },
    },
    wait,
  );
}
