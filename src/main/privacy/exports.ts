// Runs in: main (Electron-free). Owns: listing files earlier exports wrote that hold the person, so the user
// can delete or redact them: Storebridge does not edit files it no longer owns.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectedSystem } from '../consent/systems.js';
import { normaliseEmail } from './subject.js';

export interface ExportedFile {
  path: string;
  /** 'holds' when the email was found in it; 'unreadable' when it could not be checked. */
  status: 'holds' | 'unreadable';
}

function walk(dir: string, out: string[], depth = 0): void {
  if (depth > 4) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(dir, n);
    try {
      if (statSync(p).isDirectory()) walk(p, out, depth + 1);
      else out.push(p);
    } catch {
      out.push(p);
    }
  }
}

export function exportedFilesHolding(systems: ConnectedSystem[], email: string): ExportedFile[] {
  const e = normaliseEmail(email);
  const files: string[] = [];
  for (const s of systems) {
    const dir = (s.settings as { directory?: unknown } | null)?.directory;
    if (s.platform === 'file' && typeof dir === 'string') walk(dir, files);
  }
  const out: ExportedFile[] = [];
  for (const f of [...new Set(files)]) {
    try {
      if (readFileSync(f, 'utf8').toLowerCase().includes(e)) out.push({ path: f, status: 'holds' });
    } catch {
      out.push({ path: f, status: 'unreadable' });
    }
  }
  return out;
}
