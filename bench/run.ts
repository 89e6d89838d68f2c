// Runs in: Node (npm run bench). Owns: running every benchmark as its own child process, the stated number of
// times, printing a table of medians and writing docs/performance.md.
// Flags: --full (full scale), --runs N (every benchmark N times), --only id,id, --no-write.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { fmt, renderMarkdown, type Measured } from './support/markdown.js';
import { suite } from './support/suite.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const KEEP_MARKER = '<!-- npm run bench keeps everything below this line -->';
const argv = process.argv.slice(2);
const full = argv.includes('--full');
const runsFlag = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : undefined;
const only = argv.includes('--only') ? (argv[argv.indexOf('--only') + 1] ?? '').split(',') : undefined;
const selected = suite.filter((d) => !only || only.includes(d.id));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const results: Measured[] = [];
for (const def of selected) {
  const m: Measured = { def, runs: [], medians: {}, lastOutput: '' };
  for (let i = 0; i < (runsFlag ?? def.runs); i++) {
    const t0 = performance.now();
    process.stdout.write(`${def.id} run ${i + 1} … `);
    const child = spawnSync(process.execPath, ['--import', 'tsx', def.script, ...def.args(full)], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    m.lastOutput = child.stdout;
    try {
      if (child.status !== 0)
        throw new Error(`exit ${child.status}: ${child.stderr.trim().split('\n').slice(-5).join(' ')}`);
      const resultLine = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      m.runs.push(
        def.parse
          ? def.parse(child.stdout)
          : (JSON.parse(resultLine?.slice(7) ?? 'null') as { metrics: Record<string, number> }).metrics,
      );
      console.log(`${((performance.now() - t0) / 1000).toFixed(0)} s`);
    } catch (err) {
      m.error = err instanceof Error ? err.message : String(err);
      console.log(`failed: ${m.error}`);
      break;
    }
  }
  for (const f of def.figures) {
    const xs = m.runs.map((r) => r[f.metric]).filter((x): x is number => x !== undefined);
    if (xs.length) m.medians[f.metric] = median(xs);
  }
  results.push(m);
}

console.log('');
const rows = results.flatMap((r) =>
  r.def.figures.map((f) => [
    r.def.title,
    f.label,
    r.error ? 'failed' : fmt(r.medians[f.metric], f.digits),
    f.unit,
    String(r.runs.length),
  ]),
);
const header = ['benchmark', 'figure', 'median', 'unit', 'runs'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));

if (!argv.includes('--no-write') && !only) {
  const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  // Formatted as the repository's format check expects, so a fresh run leaves a clean tree.
  // Sections written by hand (full-scale runs, figures from other machines) sit below the marker and stay.
  const file = `${root}docs/performance.md`;
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const kept = previous.includes(KEEP_MARKER) ? previous.slice(previous.indexOf(KEEP_MARKER)) : '';
  const generated = renderMarkdown(results, command, full);
  const md = await format(kept ? `${generated}\n${kept}` : generated, {
    parser: 'markdown',
    printWidth: 110,
  });
  writeFileSync(file, md);
  console.log('\nwrote docs/performance.md');
}
if (results.some((r) => r.error)) process.exitCode = 1;
