// Runs in: renderer. Owns: reading the database integrity verdict out of the bundle preview's integrity.json
// (SQLite's integrity_check and quick_check for each file), even when the preview cut a long report short.
export interface IntegrityVerdict {
  file: string;
  ok: boolean;
  problems: string[];
}

interface Report {
  file: string;
  integrityCheck: string[];
  quickCheck: string[];
  ok: boolean;
}

/** null when the bundle has no integrity section; a long, damaged report is cut: it is not ok then. */
export function integrityVerdicts(excerpt: string | undefined): IntegrityVerdict[] | null {
  if (excerpt === undefined) return null;
  try {
    const parsed = JSON.parse(excerpt) as Record<string, Report | null>;
    return Object.values(parsed)
      .filter((r): r is Report => r !== null && typeof r === 'object')
      .map((r) => ({
        file: r.file,
        ok: r.ok,
        problems: r.ok ? [] : [...new Set([...r.integrityCheck, ...r.quickCheck])].filter((p) => p !== 'ok'),
      }));
  } catch {
    // Only a report with problems is long enough to be cut in the preview.
    return [
      {
        file: 'workspace databases',
        ok: false,
        problems: ['the report is long; save the bundle to read it'],
      },
    ];
  }
}
