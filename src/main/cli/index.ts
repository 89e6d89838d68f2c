// Runs in: Node (`npm run cli`, the `storebridge` bin). Owns: global flags, choosing the command, and the
// exit code. Commands run through the same contract channels as the console.
import { parseArgs } from 'node:util';
import { defaultWorkspaceDir } from '../app/paths.js';
import { openWorkspace, type Workspace } from '../app/workspace.js';
import { followNetworkSettings } from '../desktop/network/follow.js';
import { isAppError } from '../core/errors.js';
import { storesCommand, storesHelp } from './commands/stores.js';
import { accountsCommand, accountsHelp } from './commands/accounts.js';
import { connectionsCommand, connectionsHelp } from './commands/connections.js';
import { exportCommand, exportHelp } from './commands/export.js';
import { diagnosticsCommand, diagnosticsHelp } from './commands/diagnostics.js';
import { workspaceCommand, workspaceHelp } from './commands/workspace.js';
import { sandboxCommand, sandboxHelp } from './commands/sandbox.js';
import { consentCommand, consentHelp } from './commands/consent.js';
import { privacyCommand, privacyHelp } from './commands/privacy.js';
import { secretsFileIfAsked } from '../secrets/file-store.js';
import { createFileLogger } from '../app/file-logger.js';
import { eventsCommand, queueCommand, statusCommand, syncCommand, syncHelp } from './commands/sync.js';
import { printError, stdio, UsageError, type Output } from './output.js';

const help = `Storebridge: keep BigCommerce stores in sync with marketing platforms.

usage: storebridge [--workspace DIR] [--json] <command> ...

commands:
${[storesHelp, accountsHelp, connectionsHelp, syncHelp, exportHelp, consentHelp, privacyHelp, diagnosticsHelp, workspaceHelp, sandboxHelp].join('\n').replace(/^/gm, '  ')}

--workspace DIR   the workspace folder (default: $STOREBRIDGE_WORKSPACE or the per-user data folder)
--json            machine-readable output; errors as JSON on stderr
--secrets-file F  keep credentials in a passphrase-encrypted file instead of the OS keychain (servers without
                  a Secret Service); passphrase from STOREBRIDGE_SECRETS_PASSPHRASE or a prompt`;

type Command = (ws: Workspace, o: Output, args: string[]) => Promise<number>;
const commands: Record<string, Command> = {
  stores: storesCommand,
  accounts: accountsCommand,
  connections: connectionsCommand,
  sync: syncCommand,
  status: (ws, o) => statusCommand(ws, o),
  queue: queueCommand,
  events: eventsCommand,
  export: exportCommand,
  consent: consentCommand,
  privacy: privacyCommand,
  diagnostics: (ws, o, args) => diagnosticsCommand(ws, o, args),
  workspace: (ws, o, args) => workspaceCommand(ws, o, args),
};

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      workspace: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      'secrets-file': { type: 'string' },
    },
  });
  const o = stdio(values.json === true);
  const [name, ...rest] = positionals.length ? argv.slice(argv.indexOf(positionals[0]!)) : [];
  // The simulators run in their own process and need no workspace.
  if (name === 'sandbox' && !values.help) return sandboxCommand(o, withoutGlobalFlags(rest));
  const command = name ? commands[name] : undefined;
  if (values.help || !command) {
    (command || values.help ? o.out : o.err)(help);
    return values.help ? 0 : 2;
  }
  let ws: Workspace | undefined;
  try {
    const dir = typeof values.workspace === 'string' ? values.workspace : defaultWorkspaceDir();
    const logger = createFileLogger(dir);
    // Only when asked for: a passphrase-encrypted file instead of the keychain, never a silent fallback.
    const secrets = await secretsFileIfAsked({
      ...(typeof values['secrets-file'] === 'string' ? { file: values['secrets-file'] } : {}),
      onSecret: (s) => logger.redact(s),
    });
    ws = openWorkspace({ dir, host: 'cli', logger, ...(secrets ? { secrets } : {}) });
    followNetworkSettings(ws.desktopSettings, (m) => o.err(m));
    return await command(ws, o, withoutGlobalFlags(rest));
  } catch (err) {
    if (err instanceof UsageError) {
      o.err(err.message);
      return 2;
    }
    if (isAppError(err)) {
      printError(o, err.toShape());
      return 1;
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      o.err(err.message);
      return 2;
    }
    throw err;
  } finally {
    ws?.close();
  }
}

/** Global flags may also follow the command (`stores list --json`); the command never sees them. */
function withoutGlobalFlags(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json' || a.startsWith('--workspace=') || a.startsWith('--secrets-file=')) continue;
    if (a === '--workspace' || a === '--secrets-file') {
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

process.exitCode = await main(process.argv.slice(2));
