// Runs in: main (Electron-free). Owns: verify(): real calls that prove the API address, the key, its read
// scopes, the store's currency and its Authorized Domains, reported item by item with what to fix.
import type { VerifyCheck } from '../../engine/connector.js';
import { CfCallError, type CfClient } from './client.js';
import type { ConnectifCredentials, ConnectifSettings } from './schemas.js';

/** A reserved address no real person has; reads of it prove a scope without touching anyone. */
export const VERIFY_EMAIL = 'storebridge-verify@example.com';
const VERIFY_ID = 'storebridge-verify';

interface StoreInfo {
  id?: string;
  name?: string;
  currency?: string;
  authorizedDomains?: string[];
}

function fail(id: string, label: string, e: unknown, fix: string): VerifyCheck {
  const detail = e instanceof Error ? e.message : String(e);
  return { id, label, ok: false, detail, fix };
}

/** Same rule Connectif documents: scheme and host, `*.` for subdomains. */
export function isAuthorized(url: string, domains: string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return domains.some((entry) => {
    const m = /^(https?):\/\/(\*\.)?([^/:]+)/i.exec(entry.trim());
    if (!m || u.protocol !== `${m[1]!.toLowerCase()}:`) return false;
    const host = m[3]!.toLowerCase();
    return u.hostname === host || (!!m[2] && u.hostname.endsWith(`.${host}`));
  });
}

export async function verifyAccount(
  c: CfClient,
  cred: ConnectifCredentials,
  s: ConnectifSettings,
): Promise<VerifyCheck[]> {
  const checks: VerifyCheck[] = [];
  let store: StoreInfo;
  try {
    store = (await c.call('GET', '/store/')).body as StoreInfo;
    checks.push({
      id: 'endpoint',
      label: 'Connectif API address',
      ok: true,
      detail: `${cred.apiUrl} answered`,
    });
    checks.push({
      id: 'credentials',
      label: 'API key',
      ok: true,
      detail: `accepted for the Connectif store "${store.name ?? store.id ?? '?'}"`,
    });
  } catch (e) {
    if (e instanceof CfCallError && e.kind === 'auth' && e.status === 401) {
      checks.push({
        id: 'endpoint',
        label: 'Connectif API address',
        ok: true,
        detail: `${cred.apiUrl} answered`,
      });
      checks.push(
        fail(
          'credentials',
          'API key',
          e,
          'Copy the key again in Connectif (Store Settings → API Keys) as KeyId:KeySecret, colon included.',
        ),
      );
    } else if (
      e instanceof CfCallError &&
      (e.kind === 'unreachable' || e.kind === 'lost' || e.status === 404)
    ) {
      checks.push(
        fail(
          'endpoint',
          'Connectif API address',
          e,
          'Use https://api.connectif.cloud (the API address, not the app you log in at) and check the network.',
        ),
      );
    } else {
      checks.push(
        fail(
          'credentials',
          'API key',
          e,
          'Give the key the Store scope, or check the account is not blocked.',
        ),
      );
    }
    return checks;
  }
  checks.push(...(await scopes(c)));
  checks.push(currencyCheck(store, s));
  const url = s.storeUrl;
  const domains = store.authorizedDomains ?? [];
  checks.push(
    isAuthorized(url, domains)
      ? {
          id: 'domains',
          label: 'Authorized Domains',
          ok: true,
          detail: `${new URL(url).origin} is authorized`,
        }
      : {
          id: 'domains',
          label: 'Authorized Domains',
          ok: false,
          detail: `${new URL(url).origin} is not among ${domains.join(', ') || 'no domains'}; Connectif refuses products and purchases with its links (E0201, E0103)`,
          fix: `In Connectif, Store Settings → Web → Authorized Domains, add ${new URL(url).origin} and your image CDN host.`,
        },
  );
  return checks;
}

function currencyCheck(store: StoreInfo, s: ConnectifSettings): VerifyCheck {
  if (!s.currency || !store.currency)
    return {
      id: 'currency',
      label: 'Store currency',
      ok: true,
      detail: `Connectif store in ${store.currency ?? '?'}`,
    };
  return store.currency.toUpperCase() === s.currency
    ? { id: 'currency', label: 'Store currency', ok: true, detail: `both in ${s.currency}` }
    : {
        id: 'currency',
        label: 'Store currency',
        ok: false,
        detail: `this Connectif store is in ${store.currency}, the connection sends ${s.currency} orders`,
        fix: 'Use the API key of the Connectif store for this currency (one Connectif store per channel and currency).',
      };
}

/** Reads of reserved ids: 404 proves the scope as well as 200 does. Writes are proven by the round trip. */
async function scopes(c: CfClient): Promise<VerifyCheck[]> {
  const probes: Array<[string, string, string, string]> = [
    [
      'scope-contacts',
      'Read Contacts',
      `/contacts/${encodeURIComponent(VERIFY_EMAIL)}`,
      'Read and Write Contacts',
    ],
    ['scope-products', 'Read Products', `/products/product-id/${VERIFY_ID}`, 'Read and Write Products'],
    ['scope-purchases', 'Read Purchases', `/purchases/purchase-id/${VERIFY_ID}`, 'Read and Write Purchases'],
    ['scope-exports', 'Exports (opt-outs back)', '/exports?limit=1', 'Exports: Read and Write'],
  ];
  const out: VerifyCheck[] = [];
  for (const [id, label, path, scope] of probes) {
    try {
      await c.call('GET', path, undefined, true);
      out.push({ id, label, ok: true, detail: 'allowed' });
    } catch (e) {
      out.push(fail(id, label, e, `Edit the API key in Store Settings → API Keys and give it ${scope}.`));
    }
  }
  return out;
}
