// Runs in: main (Electron-free). Owns: Verify: real calls that prove the endpoint, the signed credentials, the
// contact owner, the API v3 key and the product catalogue, reported item by item with what to fix.
import type { VerifyCheck } from '../../engine/connector.js';
import { type SalesmanagoClient, TransportFailure } from './client.js';
import { listCatalogs, listOwners } from './setup.js';
import { knownServers, type SalesmanagoSettings } from './schemas.js';

const check = (id: string, label: string, ok: boolean, detail: string, fix?: string): VerifyCheck => ({
  id,
  label,
  ok,
  detail,
  ...(ok || !fix ? {} : { fix }),
});

/** The server that authenticates these credentials, when the configured one does not. */
async function findServer(client: SalesmanagoClient): Promise<string | undefined> {
  for (const server of ['www', 'app1', ...knownServers.filter((s) => s !== 'www')]) {
    if (server === client.credentials.endpoint) continue;
    try {
      await listOwners(client.at(server));
      return server;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

export async function verifyAccount(
  client: SalesmanagoClient,
  settings: SalesmanagoSettings,
): Promise<VerifyCheck[]> {
  const checks: VerifyCheck[] = [];
  let owners: string[] | undefined;
  try {
    owners = await listOwners(client);
    checks.push(check('endpoint', 'Endpoint', true, `${client.v2Base} answers`));
    checks.push(
      check('credentials', 'Client ID and API secret', true, 'SALESmanago accepted the signed request'),
    );
  } catch (err) {
    if (err instanceof TransportFailure) {
      checks.push(
        check(
          'endpoint',
          'Endpoint',
          false,
          `No answer from ${client.v2Base}: ${err.message}`,
          "Check the endpoint (www, app2, app3 or your custom address) and this computer's internet connection.",
        ),
      );
      return checks;
    }
    checks.push(check('endpoint', 'Endpoint', true, `${client.v2Base} answers`));
    const other = await findServer(client);
    checks.push(
      other
        ? check(
            'credentials',
            'Client ID and API secret',
            false,
            `The credentials are right but the account lives on "${other}", not "${client.credentials.endpoint}".`,
            `Set the endpoint to ${other} (the server in the address bar when you are logged in to SALESmanago).`,
          )
        : check(
            'credentials',
            'Client ID and API secret',
            false,
            `SALESmanago refused them: ${(err as Error).message}`,
            'Copy the Client ID and API secret again from Settings > Integration > API (no spaces), check the endpoint, and that the account is active.',
          ),
    );
    return checks;
  }
  const owner = client.credentials.owner.toLowerCase();
  checks.push(
    owners.some((o) => o.toLowerCase() === owner)
      ? check('owner', 'Contact owner', true, `${client.credentials.owner} is a user of the account`)
      : check(
          'owner',
          'Contact owner',
          false,
          `${client.credentials.owner} is not a user of this account`,
          `Choose one of the account's users: ${owners.join(', ')}.`,
        ),
  );
  checks.push(...(await verifyCatalog(client, settings)));
  return checks;
}

async function verifyCatalog(client: SalesmanagoClient, s: SalesmanagoSettings): Promise<VerifyCheck[]> {
  if (!client.credentials.v3ApiKey)
    return [
      check(
        'v3',
        'API v3 key (products)',
        !s.catalogId,
        s.catalogId ? 'A catalogue is chosen but no API v3 key is set' : 'Not set: products are not sent',
        'Create a key in Settings > Integration > API > API v3 and paste it in the connection.',
      ),
    ];
  let catalogs;
  try {
    catalogs = await listCatalogs(client);
  } catch (err) {
    return [
      check(
        'v3',
        'API v3 key (products)',
        false,
        (err as Error).message,
        'Create a new key in Settings > Integration > API > API v3 (keys expire) and paste it in the connection.',
      ),
    ];
  }
  const out = [check('v3', 'API v3 key (products)', true, `${catalogs.length} catalogue(s) visible`)];
  if (!s.catalogId) return out;
  const cat = catalogs.find((c) => c.catalogId === s.catalogId);
  if (!cat)
    out.push(
      check(
        'catalog',
        'Product catalogue',
        false,
        `Catalogue ${s.catalogId} does not exist`,
        'Pick or create the catalogue again in the settings.',
      ),
    );
  else if (cat.location !== s.location)
    out.push(
      check(
        'catalog',
        'Product catalogue',
        false,
        `The catalogue's location is "${cat.location}" but events are sent with "${s.location}"`,
        `Set the location to "${cat.location}" or choose the catalogue whose location is "${s.location}": they must match for recommendation frames.`,
      ),
    );
  else
    out.push(
      check(
        'catalog',
        'Product catalogue',
        true,
        `${cat.catalogName} (${cat.currency}), location ${cat.location}`,
      ),
    );
  return out;
}
