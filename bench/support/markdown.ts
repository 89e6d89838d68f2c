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
  lines.push(...notes);
  return lines.join('\n');
}

const notes = [
  '## Reading these figures',
  '',
  '- **Scaled time.** The platform and BigCommerce benchmarks shorten every rate window by the scale factor ' +
    "and speed the connector's pace up by the same factor, so a ratio means what it would in real time. What " +
    'does not scale: `Retry-After` answers in whole seconds (at least 1 s), timer granularity and HTTP ' +
    'round trips. A 429 therefore costs `scale` times more at default scale than in real time, and ' +
    'platform ratios at default scale are pessimistic; `--full` runs them at scale 1.',
  '- **Extraction, then delivery.** A sync extracts the store, then plans, then delivers; the two sides do ' +
    'not overlap within one sync, so the end-to-end rate is below the slower side whenever the faster side ' +
    'still takes noticeable time. Ratios above 1 mean the bound was computed too low (a short run that ' +
    "lives on the burst allowance, or requests the connector does not pace, such as dotdigital's status " +
    'polls).',
  '- **ActiveCampaign** at default scale hits a 429 loop (hundreds of `Retry-After: 1` answers) and may not ' +
    'settle within the settle deadline: its row is then the rate reached so far, and the last-run lines say ' +
    'how many jobs were still waiting and why. At scale 1 too (10 customers, 10 orders, 3 products, one ' +
    'run on 2026-11-23): 3 of 25 jobs still waiting after 400 s, last error a 429, so this is not a scaling ' +
    'artefact; the ActiveCampaign connector and the engine pacing need a look.',
  '- **Dead letters are not throughput.** Platform rows count every job that reached a final state; the last ' +
    "run's lines show how many were dead-lettered and why.",
  '- **RSS includes tsx.** Children run TypeScript through tsx, whose compiler and source maps live in the ' +
    'process (and once more in the engine worker); the built app loads plain JS and needs less.',
  '- **Not covered here.** SALESmanago (the registry connector has no base-URL override, so it cannot be ' +
    'pointed at its simulator), Bloomreach (not in the registry yet), console cold start and the event log ' +
    'with 100,000 rows (issue 13; no benchmark yet).',
  '',
];
