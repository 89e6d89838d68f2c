// Runs in: Node (bench/run.ts). Owns: docs/performance.md: the machine, the command, the table of medians and
// what each figure measured, with the children's own lines from the last run as detail.
import { cpus, totalmem } from 'node:os';
import type { BenchDef } from './suite.js';

export interface Measured {
  def: BenchDef;
  runs: Array<Record<string, number>>;
  medians: Record<string, number>;
  lastOutput: string;
  error?: string;
}

export function fmt(v: number | undefined, digits = 2): string {
  return v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
}

export function renderMarkdown(results: Measured[], command: string, full: boolean): string {
  const cpu = cpus();
  const lines = [
    '# Performance',
    '',
    `Written by \`${command}\` on ${new Date().toISOString().slice(0, 10)} (${full ? 'full' : 'default'} ` +
      `scale). Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ` +
      `${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}; shared with other ` +
      'work while it ran, so treat rates as lower bounds. Every figure is the median of the runs stated.',
    '',
    'Regenerate: `npm run bench` (default sizes, a few minutes on 2 cores) or `npm run bench -- --full` ' +
      '(1,000,000-record export, real-time platform windows). `--runs N` overrides the runs, ' +
      '`--only id,id` picks benchmarks.',
    '',
    '| benchmark | figure | median | unit | runs |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of results)
    for (const f of r.def.figures)
      lines.push(
        `| ${r.def.title} | ${f.label} | ${r.error ? 'failed' : fmt(r.medians[f.metric], f.digits)} | ${f.unit} | ${r.runs.length} |`,
      );
  lines.push('', '## What each benchmark measured', '');
  for (const r of results) {
    lines.push(`### ${r.def.title}`, '', r.def.measures, '');
    lines.push(`Command: \`npx tsx ${r.def.script} ${r.def.args(full).join(' ')}\` × ${r.runs.length}.`, '');
    if (r.error) lines.push(`**Failed:** ${r.error}`, '');
    const detail = r.lastOutput
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('RESULT ') && !l.startsWith('npm warn'));
    if (detail.length) lines.push('Last run:', '', '```', ...detail, '```', '');
  }
  return lines.join('\n');
}
