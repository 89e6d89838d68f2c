// Runs in: main (Electron-free). Owns: proving the credentials item by item (address, key, Deep Data, list,
// rate limit), each failure with what to do in ActiveCampaign.
import type { VerifyCheck } from '../../engine/connector.js';
import { AcCallError, type AcClient } from './client.js';
import type { AcCredentials, AcSettings } from './schemas.js';
import { connectionExternalId, findList } from './setup.js';

const SETTINGS_PAGE = 'In ActiveCampaign open Settings (gear, bottom left) → Developer';

export function checkApiUrl(apiUrl: string): VerifyCheck {
  const base = { id: 'api-url', label: 'API URL' };
  let host = '';
  try {
    host = new URL(apiUrl).hostname;
  } catch {
    return {
      ...base,
      ok: false,
      detail: `"${apiUrl}" is not a URL`,
      fix: `${SETTINGS_PAGE} and copy the URL.`,
    };
  }
  if (host.endsWith('.activehosted.com'))
    return {
      ...base,
      ok: false,
      detail: `${host} is the address you log in at, not the API`,
      fix: `${SETTINGS_PAGE} and copy the API URL (it ends in .api-us1.com or similar).`,
    };
  return { ...base, ok: true, detail: apiUrl };
}

export async function verifyAccount(
  client: AcClient,
  creds: AcCredentials,
  settings: AcSettings,
  storeId?: string,
): Promise<VerifyCheck[]> {
  const url = checkApiUrl(creds.apiUrl);
  if (!url.ok) return [url];
  const checks: VerifyCheck[] = [url];
  let limit: string | null = null;
  try {
    const res = await client.get('/contacts?limit=1');
    limit = res.headers.get('ratelimit-limit');
    checks.push({ id: 'api-key', label: 'API key', ok: true, detail: 'ActiveCampaign accepted the key' });
  } catch (err) {
    checks.push(failedKey(err));
    return checks;
  }
  try {
    const q = storeId
      ? `?filters[service]=bigcommerce&filters[externalid]=${encodeURIComponent(connectionExternalId(storeId))}`
      : '?limit=1';
    const res = await client.get(`/connections${q}`);
    const n = Number((res.body as { meta?: { total?: string } }).meta?.total ?? '0');
    checks.push({
      id: 'deep-data',
      label: 'E-commerce (Deep Data) connections',
      ok: true,
      detail: storeId
        ? n > 0
          ? 'this store is already connected: its records are kept'
          : 'a connection for this store will be created on the first sync'
        : 'available',
    });
  } catch (err) {
    checks.push({
      id: 'deep-data',
      label: 'E-commerce (Deep Data) connections',
      ok: false,
      detail: err instanceof Error ? err.message : String(err),
      fix: 'Deep Data needs a plan with e-commerce integrations; check Settings → Integrations, or ask the account owner for a key of a user allowed to manage integrations.',
    });
  }
  try {
    const list = await findList(client, settings.listName);
    checks.push({
      id: 'list',
      label: `List "${settings.listName}"`,
      ok: list !== undefined || settings.createListIfMissing,
      detail: list
        ? `found (id ${list})`
        : settings.createListIfMissing
          ? 'missing: it will be created on the first sync'
          : 'missing',
      ...(list || settings.createListIfMissing
        ? {}
        : { fix: `Create the list in Contacts → Lists, pick another list, or allow it to be created.` }),
    });
  } catch (err) {
    checks.push({
      id: 'list',
      label: `List "${settings.listName}"`,
      ok: false,
      detail: String(err),
      fix: 'Try again; the account did not answer the list lookup.',
    });
  }
  const perSecond = limit ?? '5';
  checks.push({
    id: 'rate-limit',
    label: 'Rate limit',
    ok: true,
    detail: `${perSecond} requests per second per account, shared by every key and app; this connection uses ${settings.requestsPerSecond}`,
  });
  return checks;
}

function failedKey(err: unknown): VerifyCheck {
  if (err instanceof AcCallError && err.kind === 'auth')
    return {
      id: 'api-key',
      label: 'API key',
      ok: false,
      detail: 'ActiveCampaign answered 403 Forbidden',
      fix: `${SETTINGS_PAGE}: copy the Key and the URL from the same page (a key only works with its own account's URL).`,
    };
  if (err instanceof AcCallError && err.kind === 'network')
    return {
      id: 'api-url',
      label: 'API URL reachable',
      ok: false,
      detail: err.message,
      fix: 'Check the API URL for typos and that this computer is online (a proxy may need HTTPS_PROXY).',
    };
  if (err instanceof AcCallError && err.status === 404)
    return {
      id: 'api-url',
      label: 'API URL',
      ok: false,
      detail: 'The address answered, but it is not the ActiveCampaign API (404)',
      fix: `${SETTINGS_PAGE} and copy the URL exactly.`,
    };
  return {
    id: 'api-key',
    label: 'API key',
    ok: false,
    detail: err instanceof Error ? err.message : String(err),
    fix: 'ActiveCampaign did not answer as expected; try again in a minute.',
  };
}
