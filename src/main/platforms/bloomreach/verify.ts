// Runs in: main (Electron-free). Owns: the wizard's item-by-item check of a Bloomreach connection: the
// instance answers, the project token and key are accepted, and the API group holds each permission we use.
import type { VerifyCheck } from '../../engine/connector.js';
import { BrCallError, type BrClient } from './client.js';
import { authFix } from './outcome.js';
import type { BloomreachCredentials, BloomreachSettings } from './schemas.js';

/** A reserved identity nobody has: reads of it prove permissions without touching real customers. */
export const PROBE_EMAIL = 'storebridge-verify@example.invalid';

type Step = { id: string; label: string; run: () => Promise<string>; fix: (e: BrCallError) => string };

export async function verifyAccount(
  c: BrClient,
  cred: BloomreachCredentials,
  s: BloomreachSettings,
): Promise<VerifyCheck[]> {
  const probe = { customer_ids: { [s.idTypes.email]: PROBE_EMAIL } };
  const steps: Step[] = [
    {
      id: 'credentials',
      label: `Instance ${cred.baseUrl}, project token and API key`,
      run: async () => {
        const res = await c.call('GET', c.path('track', '/system/time'));
        if (typeof (res.body as { time?: unknown })?.time !== 'number')
          throw new BrCallError('client', 'the answer does not look like Bloomreach Engagement', res.status);
        return 'Bloomreach accepted the project token and the private API key';
      },
      fix: (e) =>
        e.kind === 'auth'
          ? authFix(e.status, e.message)
          : e.kind === 'unreachable' || e.kind === 'lost' || e.status === 404
            ? 'Check the API base URL: Project settings → Access management → API shows your instance’s (e.g. https://api-eu.exponea.com for EU instances).'
            : 'Try again later; Bloomreach did not answer normally.',
    },
    {
      id: 'consent-category',
      label: `Consent category "${s.newsletterCategory}"`,
      run: async () => {
        const res = await c.call('GET', c.path('data', '/consent/categories'));
        const ids = ((res.body as { results?: Array<{ id?: string }> })?.results ?? []).map((x) => x.id);
        if (!ids.includes(s.newsletterCategory))
          throw new BrCallError(
            'client',
            `the project has no consent category "${s.newsletterCategory}" (it has: ${ids.join(', ') || 'none'})`,
          );
        return 'newsletter consents will be tracked in this category';
      },
      fix: () =>
        'Set the newsletter category to a category ID from Project settings → Campaigns → Privacy management → Consents.',
    },
    {
      id: 'events-get',
      label: 'Read events (Events > Get consent, purchase)',
      run: async () => {
        await c.call(
          'POST',
          c.path('data', '/customers/events'),
          { ...probe, event_types: ['consent', 'purchase'], limit: 1 },
          [404],
        );
        return 'opt-outs made in Bloomreach can be pulled back, and in-doubt events looked up';
      },
      fix: (e) =>
        authFix(e.status, e.message) +
        ' Needed: Events > Get for consent, purchase, purchase_item and cart_update.',
    },
    {
      id: 'gdpr',
      label: 'GDPR (Export customer)',
      run: async () => {
        await c.call('POST', c.path('data', '/customers/export-one'), probe, [404]);
        return 'customers can be read back for the round trip and erase requests';
      },
      fix: (e) => authFix(e.status, e.message) + ' Needed: GDPR > Export customer and Anonymize customer.',
    },
  ];
  if (s.catalogName)
    steps.push({
      id: 'catalogs',
      label: 'Catalogs',
      run: async () => {
        const res = await c.call('GET', c.path('data', '/catalogs'));
        const list = (res.body as { data?: Array<{ name?: string }> })?.data ?? [];
        return list.some((x) => x.name === s.catalogName)
          ? `products go to the existing catalogue "${s.catalogName}"`
          : `the catalogue "${s.catalogName}" will be created on the first product`;
      },
      fix: (e) =>
        authFix(e.status, e.message) + ' Needed: Catalogs (create catalog, create/update/delete/get items).',
    });

  const checks: VerifyCheck[] = [];
  for (const step of steps) {
    try {
      checks.push({ id: step.id, label: step.label, ok: true, detail: await step.run() });
    } catch (err) {
      if (!(err instanceof BrCallError)) throw err;
      checks.push({ id: step.id, label: step.label, ok: false, detail: err.message, fix: step.fix(err) });
      // Without the instance and credentials the other checks can only repeat the same failure.
      if (step.id === 'credentials') break;
    }
  }
  return checks;
}
