// Runs in: main (Electron-free). Owns: the wizard's optional round trip: one customer update for a reserved
// test identity (a property write, no event, so no scenario fires), read back, then anonymised.
import type { VerifyCheck } from '../../engine/connector.js';
import { BrCallError, messageOf, type BrClient } from './client.js';
import type { BloomreachSettings } from './schemas.js';
import { PROBE_EMAIL } from './verify.js';

export const ROUND_TRIP_WRITES =
  `One customer with the email id ${PROBE_EMAIL} and the properties first_name "Storebridge" and ` +
  'last_name "verify" (no event is tracked), then that customer is anonymised.';

export interface RoundTripWait {
  pollMs: number;
  maxWaitMs: number;
  sleep: (ms: number) => Promise<void>;
}

export async function roundTrip(
  c: BrClient,
  s: BloomreachSettings,
  w: RoundTripWait,
): Promise<VerifyCheck[]> {
  const ids = { [s.idTypes.email]: PROBE_EMAIL };
  const checks: VerifyCheck[] = [];
  const fail = (id: string, label: string, err: unknown, fix: string): VerifyCheck[] => [
    ...checks,
    { id, label, ok: false, detail: err instanceof Error ? err.message : String(err), fix },
  ];
  try {
    const res = await c.call('POST', c.path('track', '/batch'), {
      commands: [
        {
          name: 'customers',
          data: { customer_ids: ids, properties: { first_name: 'Storebridge', last_name: 'verify' } },
        },
      ],
    });
    const r = ((res.body as { results?: unknown[] })?.results ?? [])[0] as { success?: unknown } | undefined;
    if (r?.success !== true) throw new BrCallError('client', r ? messageOf(r) : 'no result for the command');
    checks.push({ id: 'roundtrip-write', label: 'Write a test customer', ok: true, detail: 'accepted' });
  } catch (err) {
    return fail(
      'roundtrip-write',
      'Write a test customer',
      err,
      'Allow Customer properties > Set in the API group.',
    );
  }
  try {
    // Bloomreach queues writes: the read may lag behind the accepted write.
    const until = Date.now() + w.maxWaitMs;
    for (;;) {
      const res = await c.call('POST', c.path('data', '/customers/export-one'), { customer_ids: ids }, [404]);
      const props = (res.body as { properties?: Record<string, unknown> })?.properties;
      if (res.status === 200 && props?.['last_name'] === 'verify') break;
      if (Date.now() > until) throw new Error(`the test customer was not readable after ${w.maxWaitMs} ms`);
      await w.sleep(w.pollMs);
    }
    checks.push({
      id: 'roundtrip-read',
      label: 'Read it back',
      ok: true,
      detail: 'the properties came back as written',
    });
  } catch (err) {
    return fail(
      'roundtrip-read',
      'Read it back',
      err,
      'Allow GDPR > Export customer in the API group, or try again later.',
    );
  }
  try {
    await c.call('POST', c.path('data', '/customers/anonymize'), { customer_ids: ids });
    checks.push({
      id: 'roundtrip-anonymise',
      label: 'Anonymise it',
      ok: true,
      detail: 'the test customer was anonymised',
    });
  } catch (err) {
    return fail(
      'roundtrip-anonymise',
      'Anonymise it',
      err,
      'Allow GDPR > Anonymize customer in the API group.',
    );
  }
  return checks;
}
