// Runs in: main (Electron-free). Owns: the wizard's optional round trip on dotdigital: one contact for a
// reserved test identity in no address book (programs start from books, so none fires), read back with the
// v3 contacts API, then deleted.
import type { VerifyCheck } from '../../engine/connector.js';
import { runRoundTrip, testIdentityEmail, type RoundTripWait } from '../shared/roundtrip.js';
import { type Answer, type DotdigitalClient, platformMessage, TransportFailure } from './client.js';

export const ROUND_TRIP_WRITES =
  'One contact storebridge-verify+<random>@example.invalid with FIRSTNAME "Storebridge" and LASTNAME ' +
  '"verify", in no address book (so no program starts); it is read back and then deleted.';

const FIRST = 'Storebridge';
const LAST = 'verify';

class Refused extends Error {
  constructor(readonly answer: Answer) {
    super(`dotdigital answered ${answer.status}: ${platformMessage(answer)}`);
  }
}

function fixFor(err: unknown, what: string): string {
  if (err instanceof TransportFailure)
    return 'dotdigital could not be reached: check the connection (and proxy), then run the check again.';
  if (err instanceof Refused && (err.answer.status === 401 || err.answer.status === 403))
    return `The API user may not ${what}: in Settings > Access > API users check the user is Active and in this account's region.`;
  if (err instanceof Refused && err.answer.status === 429)
    return 'dotdigital’s rate limit was reached; run the check again in a minute.';
  if (err instanceof Refused)
    return 'dotdigital refused the call; run the check again, then contact its support with this message.';
  return 'dotdigital accepted the contact but did not give it back as written; run the check again in a minute.';
}

export function roundTrip(c: DotdigitalClient, wait: RoundTripWait): Promise<VerifyCheck[]> {
  const email = testIdentityEmail();
  const path = `/contacts/v3/email/${encodeURIComponent(email)}`;
  const ok = async (a: Promise<Answer>, allow: number[] = []): Promise<Answer> => {
    const answer = await a;
    if ((answer.status >= 300 || answer.malformed) && !allow.includes(answer.status))
      throw new Refused(answer);
    return answer;
  };
  return runRoundTrip<string>(
    {
      write: {
        label: 'Write a test contact',
        run: async () => {
          const a = await ok(
            c.call('PATCH', `${path}?merge-option=overwrite`, {
              identifiers: { email },
              dataFields: { FIRSTNAME: FIRST, LASTNAME: LAST },
            }),
          );
          const id = (a.body as { contactId?: unknown } | undefined)?.contactId;
          return {
            handle: email,
            detail: `contact ${email} created${id !== undefined ? ` (id ${String(id)})` : ''}`,
          };
        },
        fix: (err) => fixFor(err, 'create contacts'),
      },
      read: {
        label: 'Read it back',
        run: async () => {
          const a = await ok(c.call('GET', path), [404]);
          if (a.status === 404) return undefined;
          const fields = (a.body as { dataFields?: Record<string, unknown> } | undefined)?.dataFields ?? {};
          if (fields['FIRSTNAME'] !== FIRST || fields['LASTNAME'] !== LAST)
            throw new Error(
              `the contact came back with FIRSTNAME "${String(fields['FIRSTNAME'])}" and LASTNAME "${String(fields['LASTNAME'])}"`,
            );
          return 'found by email with the data fields as written';
        },
        fix: (err) => fixFor(err, 'read contacts'),
      },
      remove: {
        label: 'Delete it',
        run: async () => {
          const a = await ok(c.call('DELETE', path), [404]);
          return a.status === 404 ? 'the test contact was already gone' : 'the test contact was deleted';
        },
        fix: (err) => `${fixFor(err, 'delete contacts')} Then delete ${email} under Contacts yourself.`,
      },
    },
    wait,
  );
}
