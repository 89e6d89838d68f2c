// Runs in: main (Electron-free). Owns: the wizard's optional round trip: one customer update for a reserved
// test identity (a property write, no event, so no scenario fires), read back, then anonymised.
import type { VerifyCheck } from '../../engine/connector.js';
import { runRoundTrip, testIdentityEmail, type RoundTripWait } from '../shared/roundtrip.js';
import { BrCallError, messageOf, type BrClient } from './client.js';
import { authFix } from './outcome.js';
import type { BloomreachSettings } from './schemas.js';

export const ROUND_TRIP_WRITES =
  'One customer with the email id storebridge-verify+<random>@example.invalid and the properties ' +
  'first_name "Storebridge" and last_name "verify" (no event is tracked), then that customer is anonymised.';

export type { RoundTripWait } from '../shared/roundtrip.js';

const fixFor = (err: unknown, permission: string, otherwise: string): string =>
  err instanceof BrCallError && err.kind === 'auth'
    ? `${authFix(err.status, err.message)} Needed: ${permission}.`
    : err instanceof BrCallError
      ? 'Bloomreach did not answer normally; run the check again later.'
      : otherwise;

export function roundTrip(c: BrClient, s: BloomreachSettings, w: RoundTripWait): Promise<VerifyCheck[]> {
  const email = testIdentityEmail();
  const ids = { [s.idTypes.email]: email };
  return runRoundTrip<typeof ids>(
    {
      write: {
        label: 'Write a test customer',
        run: async () => {
          const res = await c.call('POST', c.path('track', '/batch'), {
            commands: [
              {
                name: 'customers',
                data: { customer_ids: ids, properties: { first_name: 'Storebridge', last_name: 'verify' } },
              },
            ],
          });
          const r = ((res.body as { results?: unknown[] })?.results ?? [])[0] as
            { success?: unknown } | undefined;
          if (r?.success !== true)
            throw new BrCallError('client', r ? messageOf(r) : 'no result for the command');
          return { handle: ids, detail: `customer ${email} accepted` };
        },
        fix: (err) =>
          fixFor(err, 'Customer properties > Set', 'Allow Customer properties > Set in the API group.'),
      },
      read: {
        label: 'Read it back',
        run: async (handle) => {
          // Bloomreach queues writes: the read may lag behind the accepted write, so the runner polls.
          const res = await c.call(
            'POST',
            c.path('data', '/customers/export-one'),
            { customer_ids: handle },
            [404],
          );
          const props = (res.body as { properties?: Record<string, unknown> })?.properties;
          return res.status === 200 && props?.['last_name'] === 'verify'
            ? 'the properties came back as written'
            : undefined;
        },
        fix: (err) =>
          fixFor(
            err,
            'GDPR > Export customer',
            'Bloomreach accepted the write but has not applied it yet (it queues writes); try again in a few minutes.',
          ),
      },
      remove: {
        label: 'Anonymise it',
        run: async (handle) => {
          await c.call('POST', c.path('data', '/customers/anonymize'), { customer_ids: handle });
          return 'the test customer was anonymised';
        },
        fix: (err) =>
          err instanceof BrCallError && err.status === 404
            ? `Bloomreach has not applied the test customer yet, so it could not be anonymised: anonymise ${email} in Bloomreach once it appears.`
            : fixFor(err, 'GDPR > Anonymize customer', 'Allow GDPR > Anonymize customer in the API group.'),
      },
    },
    w,
  );
}
