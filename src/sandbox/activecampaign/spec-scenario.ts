// Runs in: Node (vitest). Owns: a walk through every simulated endpoint, recording each answer for spec validation.
import { order, seedStore, type Answer, type Client } from './test-helpers.js';

export interface Recorded {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** Calls every route at least once with success, plus the documented failures (404, 422, 403). */
export async function walkEveryEndpoint(c: Client): Promise<Recorded[]> {
  const log: Recorded[] = [];
  const ac = async (method: string, path: string, body?: unknown, key?: string | null): Promise<Answer> => {
    const a = await c.ac(method, path, body, key);
    log.push({ method, path: path.split('?')[0]!, status: a.status, body: a.body });
    return a;
  };

  const list = (
    await ac('POST', '/lists', {
      list: {
        name: 'Master Contact List',
        stringid: 'master',
        sender_url: 'https://x',
        sender_reminder: 'r',
      },
    })
  ).body.list.id;
  await ac('POST', '/lists', { list: { name: 'x' } });
  await ac('GET', '/lists');
  await ac('GET', `/lists/${list}`);
  await ac('GET', '/lists/999');
  await ac('POST', '/listGroups', { listGroup: { listid: Number(list), groupid: 3 } });

  const field = (await ac('POST', '/fields', { field: { title: 'Birthday', type: 'date' } })).body.field.id;
  await ac('POST', '/fields', { field: { title: 'Birthday', type: 'date' } });
  const size = (await ac('POST', '/fields', { field: { title: 'Size', type: 'dropdown' } })).body.field.id;
  await ac('POST', '/fieldOption/bulk', { fieldOptions: [{ field: size, label: 'S', value: 'S' }] });
  await ac('POST', '/fieldRels', { fieldRel: { field: Number(field), relid: 0 } });
  await ac('GET', '/fields');
  await ac('GET', `/fields/${field}`);

  const synced = await ac('POST', '/contact/sync', {
    contact: { email: 'ann@example.com', firstName: 'Ann', fieldValues: [{ field, value: '1990-01-02' }] },
  });
  await ac('POST', '/contact/sync', { contact: { email: 'ann@example.com', lastName: 'Lee' } });
  const contact = synced.body.contact.id;
  const other = (await ac('POST', '/contacts', { contact: { email: 'bo@example.com' } })).body.contact.id;
  await ac('POST', '/contacts', { contact: { email: 'bo@example.com' } });
  await ac('GET', '/contacts?limit=1');
  await ac('GET', `/contacts/${contact}`);
  await ac('GET', '/contacts/999');
  await ac('PUT', `/contacts/${contact}`, { contact: { phone: '+5511999999999' } });
  await ac('PUT', '/contacts/999', { contact: { phone: '1' } });
  await ac('POST', '/contactLists', { contactList: { list, contact, status: 1 } });
  await ac('GET', `/contacts/${contact}/contactLists`);
  await ac('GET', '/contacts/999/contactLists');
  await ac('GET', `/contacts/${contact}/fieldValues`);
  const fv = (await ac('POST', '/fieldValues', { fieldValue: { contact, field, value: '1991-01-02' } })).body
    .fieldValue.id;
  await ac('PUT', `/fieldValues/${fv}`, { fieldValue: { contact, field, value: '1992-01-02' } });
  await ac('GET', '/fieldValues');
  await ac('GET', `/fieldValues/${fv}`);
  await ac('GET', '/fieldValues/999');

  const tag = (
    await ac('POST', '/tags', { tag: { tag: 'bigcommerce-customer', tagType: 'contact', description: '' } })
  ).body.tag.id;
  await ac('GET', '/tags?search=big');
  await ac('GET', `/tags/${tag}`);
  await ac('GET', '/tags/999');
  await ac('PUT', `/tags/${tag}`, { tag: { description: 'From the store' } });
  const ct = (await ac('POST', '/contactTags', { contactTag: { contact, tag } })).body.contactTag.id;
  await ac('POST', '/contactTags', { contactTag: { contact: 999, tag } });
  await ac('POST', '/contactTags', { contactTag: { tag } });
  await ac('GET', `/contacts/${contact}/contactTags`);
  await ac('DELETE', `/contactTags/${ct}`);
  await ac('DELETE', `/contactTags/${ct}`);

  const ids = await seedStore({ ...c, ac });
  await ac('GET', '/connections');
  await ac('GET', `/connections/${ids.connectionid}`);
  await ac('PUT', `/connections/${ids.connectionid}`, { connection: { status: 1, syncStatus: 1 } });
  await ac('GET', '/ecomCustomers');
  await ac('GET', `/ecomCustomers/${ids.customerid}`);
  await ac('PUT', `/ecomCustomers/${ids.customerid}`, { ecomCustomer: { acceptsMarketing: '0' } });
  const placed = (await ac('POST', '/ecomOrders', order(ids))).body.ecomOrder.id;
  await ac('POST', '/ecomOrders', order(ids, { totalPrice: 1.5 }));
  const cart = (
    await ac(
      'POST',
      '/ecomOrders',
      order(ids, {
        externalid: undefined,
        externalcheckoutid: 'c1',
        abandoned_date: '2024-05-01T11:00:00-03:00',
      }),
    )
  ).body.ecomOrder.id;
  await ac('PUT', `/ecomOrders/${cart}`, { ecomOrder: { externalid: '2002' } });
  await ac('GET', '/ecomOrders');
  await ac('GET', `/ecomOrders/${placed}`);
  await ac('GET', `/ecomOrders/${placed}/orderProducts`);
  await ac('GET', '/ecomOrderProducts');
  await ac('GET', '/ecomOrderProducts/1');
  await ac('GET', '/ecomOrderProducts/999');

  const batch = (
    await ac('POST', '/import/bulk_import', { contacts: [{ email: 'n@example.com' }, { email: 'bad' }] })
  ).body.batchId;
  await ac('GET', `/import/info?batchId=${batch}`);
  await ac('GET', '/import/bulk_import');
  await ac('GET', '/contacts', undefined, 'wrong-key');

  await ac('DELETE', `/ecomOrders/${placed}`);
  await ac('DELETE', `/ecomCustomers/${ids.customerid}`);
  await ac('DELETE', `/connections/${ids.connectionid}`);
  await ac('DELETE', `/fieldValues/${fv}`);
  await ac('DELETE', `/fields/${size}`);
  await ac('DELETE', `/tags/${tag}`);
  await ac('DELETE', `/tags/${tag}`);
  await ac('DELETE', `/contacts/${other}`);
  await ac('DELETE', `/contacts/${other}`);
  await ac('DELETE', `/lists/${list}`);
  return log;
}
