// Runs in: main (Electron-free). Owns: verify(): real calls proving the API user, the region, the chosen
// address books, the mapped data fields and the enrolment programs, reported item by item with the fix.
import type { VerifyCheck } from '../../engine/connector.js';
import { type Answer, type DotdigitalClient, platformMessage, TransportFailure } from './client.js';
import { listDataFields, mappingProblems } from './fields.js';
import { type DotdigitalSettings, type Region, regionHosts, regionNames } from './schemas.js';

const trim = (u: string) => u.replace(/\/+$/, '').toLowerCase();

function regionOf(endpoint: string): Region | undefined {
  const m = /\b(r[123])-api\.dotdigital\.com/i.exec(endpoint);
  return m ? (m[1]!.toLowerCase() as Region) : undefined;
}

async function tryCall(client: DotdigitalClient, path: string): Promise<Answer | string> {
  try {
    return await client.call('GET', path);
  } catch (err) {
    if (err instanceof TransportFailure) return err.message;
    throw err;
  }
}

export async function verifyAccount(
  client: DotdigitalClient,
  settings: DotdigitalSettings,
): Promise<VerifyCheck[]> {
  const checks: VerifyCheck[] = [];
  const info = await tryCall(client, '/v2/account-info');
  if (typeof info === 'string')
    return [
      {
        id: 'reach',
        label: 'dotdigital answers',
        ok: false,
        detail: info,
        fix: 'Check the internet connection (and proxy), then verify again. dotdigital’s status: status.dotdigital.com.',
      },
    ];
  if (info.status === 401 || info.status !== 200) {
    checks.push({
      id: 'credentials',
      label: 'API user and password',
      ok: false,
      detail: `dotdigital answered ${info.status}: ${platformMessage(info)}`,
      fix:
        info.status === 401
          ? 'In dotdigital open Settings > Access > API users: copy the API user email exactly, set a new password if unsure, and make sure the user is Active.'
          : 'Try again in a minute; if it persists, contact dotdigital support with this message.',
    });
    return checks;
  }
  const props = (info.body as { properties?: Array<{ name: string; value: unknown }> }).properties ?? [];
  const prop = (n: string) => props.find((p) => p.name.toLowerCase() === n.toLowerCase())?.value;
  checks.push({
    id: 'credentials',
    label: 'API user and password',
    ok: true,
    detail: `Signed in to "${String(prop('Name') ?? 'dotdigital account')}" as ${client.credentials.apiUser}`,
  });

  // account-info answers on every region; an ordinary call on the wrong one answers 403.
  const home = String(prop('ApiEndpoint') ?? '');
  const probe = await tryCall(client, '/v2/data-fields');
  const wrongHost = home !== '' && trim(home) !== trim(client.baseUrl);
  const denied = typeof probe !== 'string' && probe.status === 403;
  if (wrongHost || denied) {
    const r = regionOf(home);
    checks.push({
      id: 'region',
      label: 'Account region',
      ok: false,
      detail: `This account lives at ${home || 'another region'}; calls to ${client.baseUrl} answer 403 Access denied.`,
      fix: r
        ? `Choose region ${regionNames[r]} (${regionHosts[r]}) and verify again.`
        : `Set the API endpoint to ${home} and verify again.`,
    });
    return checks;
  }
  checks.push({ id: 'region', label: 'Account region', ok: true, detail: `API endpoint ${client.baseUrl}` });

  checks.push(...(await bookChecks(client, settings)));
  checks.push(await fieldCheck(client, settings));
  checks.push(...(await programChecks(client, settings)));
  return checks;
}

async function bookChecks(client: DotdigitalClient, s: DotdigitalSettings): Promise<VerifyCheck[]> {
  const out: VerifyCheck[] = [];
  const books: Array<[string, string, number | null]> = [
    ['book-subscribers', 'Subscribers address book', s.subscribersAddressBookId],
    ['book-customers', 'Customers address book', s.customersAddressBookId],
  ];
  for (const [id, label, bookId] of books) {
    if (bookId === null) {
      out.push({ id, label, ok: true, detail: 'Not used: customers are created without an address book' });
      continue;
    }
    const a = await tryCall(client, `/v2/address-books/${bookId}`);
    const ok = typeof a !== 'string' && a.status === 200;
    out.push({
      id,
      label,
      ok,
      detail: ok
        ? `"${String((a.body as { name?: unknown }).name)}" (${bookId})`
        : `Address book ${bookId}: ${typeof a === 'string' ? a : platformMessage(a)}`,
      ...(ok ? {} : { fix: 'Pick an existing address book in the settings, or let Storebridge create one.' }),
    });
  }
  return out;
}

async function fieldCheck(client: DotdigitalClient, s: DotdigitalSettings): Promise<VerifyCheck> {
  const problems = mappingProblems(s.fieldMapping, await listDataFields(client));
  if (problems.length === 0)
    return {
      id: 'data-fields',
      label: 'Mapped data fields',
      ok: true,
      detail: `${Object.keys(s.fieldMapping).length} mapped`,
    };
  return {
    id: 'data-fields',
    label: 'Mapped data fields',
    ok: false,
    detail: problems
      .map((p) =>
        p.have
          ? `${p.field} is ${p.have}, ${p.source} needs ${p.want}`
          : `${p.field} (${p.want}) does not exist`,
      )
      .join('; '),
    fix: 'Let Storebridge create the missing data fields (Private), or remove those rows from the field mapping.',
  };
}

async function programChecks(client: DotdigitalClient, s: DotdigitalSettings): Promise<VerifyCheck[]> {
  const wanted: Array<[string, string, number | null]> = [
    ['program-new-customers', 'Program for new customers', s.enrolNewCustomersProgramId],
    ['program-new-subscribers', 'Program for new subscribers', s.enrolNewSubscribersProgramId],
    ['program-each-order', 'Program for each new order', s.enrolEachOrderProgramId],
    ['program-first-order', 'Program for first orders', s.enrolFirstOrderProgramId],
  ];
  const out: VerifyCheck[] = [];
  for (const [id, label, programId] of wanted) {
    if (programId === null) continue;
    const a = await tryCall(client, `/v2/programs/${programId}`);
    if (typeof a === 'string' || a.status !== 200) {
      const denied = typeof a !== 'string' && a.status === 403;
      out.push({
        id,
        label,
        ok: false,
        detail: `Program ${programId}: ${typeof a === 'string' ? a : platformMessage(a)}`,
        fix: denied
          ? 'Give the API user the Programs permission (Settings > Access > API users), or turn enrolment off.'
          : 'Pick an existing program in the settings.',
      });
      continue;
    }
    const p = a.body as { name?: string; status?: string };
    out.push({
      id,
      label,
      ok: p.status === 'Active',
      detail: `"${p.name ?? programId}" is ${p.status ?? 'unknown'}`,
      ...(p.status === 'Active'
        ? {}
        : { fix: 'Activate the program in dotdigital (Automation > Programs), or pick another.' }),
    });
  }
  return out;
}
