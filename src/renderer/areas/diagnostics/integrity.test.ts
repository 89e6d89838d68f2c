// Runs in: vitest (pure). Owns: the integrity verdict read from the diagnostics preview.
import { describe, expect, it } from 'vitest';
import { integrityVerdicts } from './integrity';

const report = (file: string, checks: string[]) => ({
  file,
  integrityCheck: checks,
  quickCheck: checks,
  ok: checks.join() === 'ok',
});

describe('integrityVerdicts', () => {
  it('reads each database file with its verdict', () => {
    const text = JSON.stringify(
      { workspace: report('storebridge.db', ['ok']), events: report('events.db', ['ok']) },
      null,
      2,
    );
    expect(integrityVerdicts(text)).toEqual([
      { file: 'storebridge.db', ok: true, problems: [] },
      { file: 'events.db', ok: true, problems: [] },
    ]);
  });

  it('lists the problems SQLite found, once each, without the "ok" of the check that passed', () => {
    const problems = ['row 3 missing from index idx_jobs', 'wrong # of entries in index idx_jobs'];
    // quick_check skips index consistency, so it can say ok while integrity_check does not.
    const bad = {
      file: 'storebridge.db',
      integrityCheck: problems,
      quickCheck: ['ok', problems[0]!],
      ok: false,
    };
    const v = integrityVerdicts(JSON.stringify({ workspace: bad, events: null }));
    expect(v).toEqual([{ file: 'storebridge.db', ok: false, problems }]);
  });

  it('treats a report the preview cut short as not ok', () => {
    const cut = JSON.stringify({ workspace: report('storebridge.db', ['ok']) }).slice(0, 40) + '\n…';
    expect(integrityVerdicts(cut)?.[0]?.ok).toBe(false);
    expect(integrityVerdicts(undefined)).toBeNull();
  });
});
