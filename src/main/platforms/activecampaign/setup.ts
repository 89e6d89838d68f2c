// Runs in: main (Electron-free). Owns: the account-level records every delivery needs: the store's Deep Data
// connection, the tag and the marketing list, found or created once and remembered per account.
import type { AcClient } from './client.js';
import type { AcSettings } from './schemas.js';

export interface AccountIds {
  connectionId: string;
  tagId: string;
  /** Undefined when the list is missing and may not be created: nobody is subscribed then. */
  listId?: string;
}

interface Row {
  id: string;
  [k: string]: unknown;
}

const rows = (body: unknown, key: string): Row[] => ((body as Record<string, unknown>)[key] as Row[]) ?? [];
const one = (body: unknown, key: string): Row => (body as Record<string, Row>)[key]!;

export const CONNECTION_SERVICE = 'bigcommerce';
export const connectionExternalId = (storeId: string): string => `storebridge:${storeId}`;

/** Finds or creates the Deep Data connection of one store (unique per service + externalid). */
export async function ensureConnection(c: AcClient, storeId: string, s: AcSettings): Promise<string> {
  const externalid = connectionExternalId(storeId);
  const q = `filters[service]=${CONNECTION_SERVICE}&filters[externalid]=${encodeURIComponent(externalid)}`;
  const found = rows((await c.get(`/connections?${q}`)).body, 'connections').find(
    (r) => r['externalid'] === externalid,
  );
  if (found) return found.id;
  const res = await c.post('/connections', {
    connection: {
      service: CONNECTION_SERVICE,
      externalid,
      name: s.connectionName,
      logoUrl: 'https://www.bigcommerce.com/favicon.ico',
      linkUrl: s.storeUrl,
    },
  });
  return one(res.body, 'connection').id;
}

export async function ensureTag(c: AcClient, name: string): Promise<string> {
  const found = rows((await c.get(`/tags?search=${encodeURIComponent(name)}&limit=100`)).body, 'tags').find(
    (t) => String(t['tag']).toLowerCase() === name.toLowerCase(),
  );
  if (found) return found.id;
  const res = await c.post('/tags', {
    tag: { tag: name, tagType: 'contact', description: 'Synced from BigCommerce' },
  });
  return one(res.body, 'tag').id;
}

export async function findList(c: AcClient, name: string): Promise<string | undefined> {
  const lists = rows(
    (await c.get(`/lists?filters[name]=${encodeURIComponent(name)}&limit=100`)).body,
    'lists',
  );
  return lists.find((l) => String(l['name']).toLowerCase() === name.toLowerCase())?.id;
}

export async function ensureList(c: AcClient, s: AcSettings, storeId: string): Promise<string | undefined> {
  const found = await findList(c, s.listName);
  if (found || !s.createListIfMissing) return found;
  const stringid =
    s.listName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || `list-${storeId}`;
  const res = await c.post('/lists', {
    list: {
      name: s.listName,
      stringid,
      sender_url: s.storeUrl,
      sender_reminder: 'You are receiving this because you accepted marketing when you shopped with us.',
    },
  });
  const id = one(res.body, 'list').id;
  // A new list is invisible to users until a group is given permission on it.
  await c.post('/listGroups', { listGroup: { listid: Number(id), groupid: s.listGroupId } });
  return id;
}

/** Remembers the ids per account and store, so a batch spends its requests on records. */
export class AccountSetup {
  private readonly known = new Map<string, AccountIds>();

  async ids(c: AcClient, account: string, storeId: string, s: AcSettings): Promise<AccountIds> {
    const k = `${account}|${storeId}|${s.tag}|${s.listName}`;
    const hit = this.known.get(k);
    if (hit) return hit;
    const connectionId = await ensureConnection(c, storeId, s);
    const tagId = await ensureTag(c, s.tag);
    const listId = await ensureList(c, s, storeId);
    const ids: AccountIds = { connectionId, tagId, ...(listId ? { listId } : {}) };
    this.known.set(k, ids);
    return ids;
  }

  /** After "not found" on a remembered id (deleted in ActiveCampaign meanwhile): look again next time. */
  forget(): void {
    this.known.clear();
  }
}
