// Runs in: Node (CLI). Owns: `storebridge diagnostics`: preview or save the support bundle.
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { buildDiagnostics, previewDiagnostics, saveDiagnostics } from '../../diagnostics/bundle.js';
import type { Output } from '../output.js';

export const diagnosticsHelp = `storebridge diagnostics [--out FILE] [--preview] [--include-pii]
  a support bundle (zip): versions, settings, stores/accounts/connections, queue statistics, recent events,
  database checks and the log tail. Never credentials; personal data masked unless --include-pii
  --preview          list the files with their size and first lines; nothing is saved
  --out FILE         where to save it (default ./storebridge-diagnostics-<date>.zip)
  --include-pii      keep e-mail addresses and other personal data unmasked (only if support asks)`;

export interface DiagnosticsCommandOptions {
  now?: () => number;
}

export async function diagnosticsCommand(
  ws: Workspace,
  o: Output,
  args: string[],
  opts: DiagnosticsCommandOptions = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      preview: { type: 'boolean' },
      'include-pii': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const json = o.json || values.json === true;
  const now = opts.now?.() ?? Date.now();
  const bundle = await buildDiagnostics(ws, { includePii: values['include-pii'] === true, now: () => now });
  const personal = bundle.includePii ? 'included, as asked' : 'masked';
  if (values.preview) {
    const preview = previewDiagnostics(bundle);
    if (json) o.out(JSON.stringify({ files: preview, personalData: personal }));
    else {
      for (const p of preview) {
        o.out(`${p.name}  (${p.size} bytes)`);
        o.out(p.excerpt.replace(/^/gm, '    ').trimEnd());
      }
      o.out(`Personal data: ${personal}. Nothing was saved; run again without --preview to save.`);
    }
    return 0;
  }
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const saved = await saveDiagnostics(bundle, values.out ?? `storebridge-diagnostics-${stamp}.zip`);
  const files = bundle.files.length;
  o.out(
    json
      ? JSON.stringify({ ...saved, files, personalData: personal })
      : `Saved ${saved.path} (${saved.size} bytes, ${files} files; personal data ${personal}, no credentials).`,
  );
  return 0;
}
