// Runs in: main (Electron-free). Owns: putting the console's hooks on a store and taking them off again: one
// wildcard hook per scope at the store's own path, with the secret header, and nothing but what it created.
import { randomBytes } from 'node:crypto';
import { records, type BigCommerceClient } from '../bigcommerce/client.js';
import { isAppError } from '../core/errors.js';
import type { Clock } from '../core/clock.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { HOOK_PATH, SECRET_HEADER } from './receiver.js';
import type { WebhookRepo } from './repo.js';
import { HOOK_SCOPES } from './scopes.js';

/** Keychain account of a store's hook secret: never SQLite, logs or events. */
export const hookSecretAccount = (storeId: string): string => `store:${storeId}:webhook-secret`;

export interface RegistrarDeps {
  repo: WebhookRepo;
  secrets: SecretStore;
  clock: Clock;
  client(storeId: string): Promise<BigCommerceClient>;
}

export interface Registration {
  storeId: string;
  pathToken: string;
  secret: string;
  destination: string;
  hooks: Array<{ id: number; scope: string }>;
}

/** Creates the missing hooks, re-enables and re-keys existing ones, drops ours at an old public URL. */
export async function registerHooks(
  d: RegistrarDeps,
  storeId: string,
  publicUrl: string,
): Promise<Registration> {
  const pathToken = d.repo.endpoint(storeId)?.pathToken ?? randomBytes(16).toString('hex');
  const destination = `${publicUrl.replace(/\/+$/, '')}${HOOK_PATH}/${pathToken}`;
  const account = hookSecretAccount(storeId);
  let secret = await d.secrets.get(account);
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    await d.secrets.set(account, secret);
  }
  const now = d.clock.now();
  d.repo.saveEndpoint({ storeId, pathToken, destination }, new Date(now).toISOString());
  const client = await d.client(storeId);
  // The API lists only this API account's hooks, so nothing another app made can be matched here.
  const listed = [];
  for await (const h of records(client.webhookPages())) listed.push(h);
  const headers = { [SECRET_HEADER]: secret };
  const hooks: Registration['hooks'] = [];
  for (const scope of HOOK_SCOPES) {
    const found = listed.find((h) => h.scope === scope && h.destination === destination);
    const keyed = found?.is_active && found.headers?.[SECRET_HEADER] === secret;
    const hook = keyed
      ? found
      : found
        ? await client.updateWebhook(found.id, { is_active: true, headers })
        : await client.createWebhook({ scope, destination, is_active: true, headers });
    d.repo.saveHook({ storeId, hookId: hook.id, scope, destination, lastActiveAt: now });
    hooks.push({ id: hook.id, scope });
  }
  // The public URL changed: the hooks at the old one would fail for 48 hours and then be switched off.
  for (const old of d.repo.hooks(storeId).filter((h) => h.destination !== destination)) {
    await deleteQuietly(client, old.hookId);
    d.repo.removeHook(storeId, old.hookId);
  }
  return { storeId, pathToken, secret, destination, hooks };
}

/** Deletes every hook the console created on the store, then its secret and rows. */
export async function unregisterHooks(d: RegistrarDeps, storeId: string): Promise<number> {
  const known = d.repo.hooks(storeId);
  const endpoint = d.repo.endpoint(storeId);
  let removed = 0;
  if (known.length > 0 || endpoint) {
    const client = await d.client(storeId);
    const ids = new Set(known.map((h) => h.hookId));
    // Hooks created by a registration that crashed before its row was written are found by destination.
    if (endpoint)
      for await (const h of records(client.webhookPages()))
        if (h.destination === endpoint.destination) ids.add(h.id);
    for (const id of ids) if (await deleteQuietly(client, id)) removed++;
  }
  await d.secrets.delete(hookSecretAccount(storeId));
  d.repo.forget(storeId);
  return removed;
}

/** A hook already gone is what we wanted. */
export async function deleteQuietly(client: BigCommerceClient, id: number): Promise<boolean> {
  try {
    await client.deleteWebhook(id);
    return true;
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') return false;
    throw err;
  }
}
