// Runs in: Node (CLI). Owns: `storebridge workspace export|import`: moving a workspace between machines in
// one passphrase-encrypted file. The passphrase never comes from a flag value.
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { exportWorkspace } from '../../transfer/export.js';
import { importWorkspace } from '../../transfer/import.js';
import { PASSPHRASE_ENV, readPassphrase } from '../../transfer/passphrase.js';
import type { KdfParams } from '../../transfer/sealed.js';
import { UsageError, type Output } from '../output.js';

export const workspaceHelp = `storebridge workspace <command>
  export --out FILE                 stores, accounts, connections, settings, mappings and their credentials,
                                    encrypted with a passphrase (scrypt + AES-256-GCM)
  import --from FILE [--replace]    into this workspace and this machine's keychain; refuses to overwrite
                                    existing stores, accounts or connections unless --replace
      passphrase: ${PASSPHRASE_ENV}, or --passphrase-stdin (first line of stdin); never a flag value`;

export interface WorkspaceCommandIo {
  env?: NodeJS.ProcessEnv;
  readStdin?: () => string;
  /** Tests scale scrypt down. */
  kdf?: KdfParams;
}

export async function workspaceCommand(
  ws: Workspace,
  o: Output,
  args: string[],
  io: WorkspaceCommandIo = {},
): Promise<number> {
  const [sub, ...rest] = args;
  if (rest.some((a) => /^--passphrase(=|$)/.test(a))) {
    throw new UsageError(
      `--passphrase is not accepted: a flag value ends up in shell history. Set ${PASSPHRASE_ENV} or use --passphrase-stdin.`,
    );
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      from: { type: 'string' },
      replace: { type: 'boolean' },
      'passphrase-stdin': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const json = o.json || values.json === true;
  const passphrase = () => {
    const p = readPassphrase({
      fromStdin: values['passphrase-stdin'] === true,
      ...(io.env ? { env: io.env } : {}),
      ...(io.readStdin ? { readStdin: io.readStdin } : {}),
    });
    if (!p)
      throw new UsageError(
        `workspace ${sub} needs a passphrase: set ${PASSPHRASE_ENV} or use --passphrase-stdin.`,
      );
    return p;
  };
  switch (sub) {
    case 'export': {
      if (!values.out) throw new UsageError('workspace export needs --out FILE.');
      const r = await exportWorkspace(ws, values.out, passphrase(), io.kdf ? { kdf: io.kdf } : {});
      o.out(
        json
          ? JSON.stringify(r)
          : `Exported ${counts(r.tables)} and ${r.secrets} credential(s) to ${r.path}. ` +
              'Keep the passphrase apart from the file: together they open every account.',
      );
      return 0;
    }
    case 'import': {
      if (!values.from) throw new UsageError('workspace import needs --from FILE.');
      const r = await importWorkspace(ws, values.from, passphrase(), {
        replace: values.replace === true,
        onImported: () => ws.bus.emit('stores:changed', { stores: ws.stores.list() }),
      });
      o.out(
        json
          ? JSON.stringify(r)
          : `Imported ${counts(r.tables)} and ${r.secrets} credential(s) into this machine's keychain.` +
              (r.replaced.length ? ` Replaced: ${r.replaced.join(', ')}.` : ''),
      );
      return 0;
    }
    default:
      throw new UsageError(workspaceHelp);
  }
}

function counts(tables: Partial<Record<string, number>>): string {
  const parts = Object.entries(tables)
    .filter(([, n]) => n)
    .map(([t, n]) => `${n} ${t.replace(/_/g, ' ')}`);
  return parts.length ? parts.join(', ') : 'nothing';
}
