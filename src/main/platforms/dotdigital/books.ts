// Runs in: main (Electron-free). Owns: the address books and programs the settings pick from, and creating
// a book by name ("Store subscribers"), for the wizard.
import { type DotdigitalClient, platformMessage } from './client.js';

export interface AddressBook {
  id: number;
  name: string;
  visibility: string;
  contacts: number;
}
export interface Program {
  id: number;
  name: string;
  status: string;
}

export async function listAddressBooks(client: DotdigitalClient): Promise<AddressBook[]> {
  const out: AddressBook[] = [];
  for (let skip = 0; ; skip += 1000) {
    const a = await client.call('GET', `/v2/address-books?select=1000&skip=${skip}`);
    if (a.status !== 200 || !Array.isArray(a.body))
      throw new Error(`dotdigital would not list address books: ${platformMessage(a)}`);
    out.push(...(a.body as AddressBook[]));
    if (a.body.length < 1000) return out;
  }
}

/** Finds the book by name (case-insensitive) or creates it (Private). */
export async function ensureAddressBook(client: DotdigitalClient, name: string): Promise<AddressBook> {
  const found = (await listAddressBooks(client)).find(
    (b) => b.name.toLowerCase() === name.trim().toLowerCase(),
  );
  if (found) return found;
  const a = await client.call('POST', '/v2/address-books', { name: name.trim(), visibility: 'Private' });
  if (a.status >= 300) throw new Error(`Could not create the address book "${name}": ${platformMessage(a)}`);
  return a.body as AddressBook;
}

export async function listPrograms(client: DotdigitalClient): Promise<Program[]> {
  const a = await client.call('GET', '/v2/programs');
  if (a.status !== 200 || !Array.isArray(a.body))
    throw new Error(`dotdigital would not list programs: ${platformMessage(a)}`);
  return a.body as Program[];
}
