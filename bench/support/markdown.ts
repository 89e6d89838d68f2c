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
    'Regenerate: `npm run bench` (default sizes, about 13 minutes on 2 cores) or `npm run bench -- --full` ' +
      '(larger stores, real-time windows). `--runs N` overrides the runs, ' +
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
    'still takes noticeable time. A platform bound is the least time the calls the sync really made need ' +
    "under each limit that counts them (the platform's own scope and tiers, a window's allowance at once), " +
    'so a ratio cannot exceed 1; where every call fits in its first window no limit binds and no bound or ' +
    'ratio is given (dotdigital imports carry hundreds of records per call, SALESmanago batches too).',
  "- **ActiveCampaign** runs at the connector's default pace, 4 of the account's 5 requests/s, so its ratio " +
    'tops out near 0.8. A 429 is a `rateLimited` result: the job waits `Retry-After` without spending an ' +
    'attempt, so 429s no longer pile up into backoff or dead letters.',
  '- **Dead letters are not throughput.** Platform rows count every job that reached a final state; the last ' +
    "run's lines show how many were dead-lettered and why.",
  '- **RSS includes tsx.** Children run TypeScript through tsx, whose compiler and source maps live in the ' +
    'process (and once more in the engine worker); the built app loads plain JS and needs less.',
  '- **Console figures** come from Chromium driving the browser host (tsx compiles main on start, so the ' +
    "packaged app's cold start is shorter); the event log's times are measured in the page, from the click's " +
    'own timestamp to the frame that shows the answer (Playwright polls at 20 to 500 ms steps, so its clock is not used).',
  '',
];
