// Runs in: main (Electron-free). Owns: the wizard's optional round trip on SALESmanago: one contact for a
// reserved test identity, opted out and without tags (automation rules start on tags and opt-ins, so none
// fires), read back with contact/list, then removed with contact/delete.
import type { VerifyCheck } from '../../engine/connector.js';
import { runRoundTrip, testIdentityEmail, type RoundTripWait } from '../shared/roundtrip.js';
import { type Answer, type SalesmanagoClient, TransportFailure } from './client.js';
import { isObject, verdictOf } from './outcome.js';

export const ROUND_TRIP_WRITES =
  'One contact storebridge-verify+<random>@example.invalid named "Storebridge verify", opted out and ' +
  'without tags (so no automation rule starts); it is read back and then deleted (SALESmanago purges ' +
  'deleted contacts overnight).';

const NAME = 'Storebridge verify';

class Refused extends Error {
  constructor(
    readonly reason: string,
    readonly access: boolean,
  ) {
    super(reason);
  }
}

function checked(a: Answer, label: string): Answer {
  const v = verdictOf(a, label);
  if (v.kind !== 'ok') throw new Refused(v.reason, v.kind === 'access');
  return a;
}

function fixFor(err: unknown, what: string): string {
  if (err instanceof TransportFailure)
    return 'SALESmanago could not be reached: check the endpoint and the connection, then run the check again.';
  if (err instanceof Refused && err.access)
    return `The credentials may not ${what}: run Verify above and fix what it names (owner, endpoint, API secret).`;
  if (err instanceof Refused)
    return 'SALESmanago refused the call with the message shown; fix what it names, then run the check again.';
  return 'SALESmanago accepted the contact but did not give it back as written; run the check again in a minute.';
}

export function roundTrip(c: SalesmanagoClient, wait: RoundTripWait): Promise<VerifyCheck[]> {
  const email = testIdentityEmail();
  return runRoundTrip<string>(
    {
      write: {
        label: 'Write a test contact',
        run: async () => {
          const a = checked(
            await c.v2('contact/upsert', { contact: { email, name: NAME }, tags: [], forceOptOut: true }),
            'test contact',
          );
          const id = isObject(a.body) ? a.body['contactId'] : undefined;
          return { handle: email, detail: `contact ${email} created${id ? ` (id ${String(id)})` : ''}` };
        },
        fix: (err) => fixFor(err, 'add contacts'),
      },
      read: {
        label: 'Read it back',
        run: async () => {
          const a = checked(await c.v2('contact/list', { email: [email] }), 'test contact');
          const list = isObject(a.body) && Array.isArray(a.body['contacts']) ? a.body['contacts'] : [];
          const found = list.filter(isObject).find((x) => String(x['email']).toLowerCase() === email);
          if (!found) return undefined;
          if (found['name'] !== NAME)
            throw new Error(`the contact came back named "${String(found['name'])}", not "${NAME}"`);
          return 'found by e-mail with the name as written';
        },
        fix: (err) => fixFor(err, 'read contacts'),
      },
      remove: {
        label: 'Delete it',
        run: async () => {
          checked(await c.v2('contact/delete', { email }), 'test contact');
          return 'the test contact was deleted (SALESmanago purges it overnight)';
        },
        fix: (err) => `${fixFor(err, 'delete contacts')} Then delete ${email} in Contacts yourself.`,
      },
    },
    wait,
  );
}
