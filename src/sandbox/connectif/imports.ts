// Runs in: Node (simulators). Owns: POST /imports/ (multipart CSV upload) and the import reads; the
// rows themselves are applied by import-rows.ts when the job finishes.
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { coded, httpError, notFound, unprocessable } from './errors.js';
import type { Ctx, Gate } from './gate.js';
import { fileUrl, type FileStore } from './files.js';
import { applyRows, type ImportOptions } from './import-rows.js';
import { page, type Job, type JobRunner } from './jobs.js';
import { parseCsv, parseMultipart } from './multipart.js';
import { iso, newId, type StoreState } from './state.js';

const MAX_QUEUED_IMPORTS = 10;

export interface ImportJob extends Job {
  kind: 'import';
  options: ImportOptions;
  total: number;
  success: number;
  errors: number;
  errorReportToken?: string;
}

export interface ImportDeps {
  gate: Gate;
  runner: JobRunner;
  files: FileStore;
  now: () => number;
  doubleOptIn: boolean;
}

export function addImportRoutes(router: Router, deps: ImportDeps): void {
  const { gate, runner } = deps;
  const imports = (store: StoreState): ImportJob[] => {
    runner.advance(store.jobs);
    return store.jobs.filter((j): j is ImportJob => j.kind === 'import');
  };
  router.post(
    '/imports',
    gate.wrap('imports:write', (req, ctx) => create(req, ctx, deps, imports(ctx.store))),
  );
  router.get(
    '/imports',
    gate.wrap('imports:read', (req, { store }) => {
      const list = imports(store).map((j) => importRead(req, j));
      const r = page(list.reverse(), req.query, `http://${req.headers.host ?? ''}/imports`);
      return typeof r === 'string' ? unprocessable([r]) : { status: 200, body: r.body };
    }),
  );
  router.get(
    '/imports/:id',
    gate.wrap('imports:read', (req, { store }) => {
      const job = imports(store).find((j) => j.id === req.params['id']);
      return job ? { status: 200, body: importRead(req, job) } : notFound('Import');
    }),
  );
}

export function importRead(req: SimRequest, j: ImportJob): Record<string, unknown> {
  const { csv: _csv, ...options } = j.options;
  return {
    id: j.id,
    type: j.options.type,
    status: j.status,
    total: j.total,
    success: j.success,
    errors: j.errors,
    errorReportFileUrl: j.errorReportToken ? fileUrl(req, j.errorReportToken) : null,
    options,
    origin: 'api',
    createdAt: iso(j.createdAt),
    startedAt: j.startedAt === undefined ? null : iso(j.startedAt),
    finishedAt: j.finishedAt === undefined ? null : iso(j.finishedAt),
    cancelledAt: j.cancelledAt === undefined ? null : iso(j.cancelledAt),
  };
}

function create(req: SimRequest, { store }: Ctx, deps: ImportDeps, existing: ImportJob[]): SimResponse {
  const parts = parseMultipart(req.headers['content-type'], req.rawBody);
  if (!parts) return httpError(415, 'Imports must be sent as multipart/form-data');
  const field = (n: string): string | undefined => parts.find((p) => p.name === n)?.value.toString('utf8');
  const problems: string[] = [];
  const type = field('type');
  if (type !== 'contacts' && type !== 'products' && type !== 'coupons')
    problems.push('type must be one of contacts, products, coupons');
  const delimiter = field('delimiter') ?? ',';
  if (delimiter !== ',' && delimiter !== ';') problems.push('delimiter must be "," or ";"');
  const bool = (n: string): boolean | undefined => {
    const v = field(n);
    if (v === undefined) return false;
    if (v !== 'true' && v !== 'false') return void problems.push(`${n} must be true or false`);
    return v === 'true';
  };
  const overrideExisting = bool('overrideExisting') ?? false;
  const updateOnlyEmptyFields = bool('updateOnlyEmptyFields') ?? false;
  if (updateOnlyEmptyFields && !overrideExisting)
    problems.push('updateOnlyEmptyFields can only be true when overrideExisting is true');
  const couponSetId = field('couponSetId');
  if (type === 'coupons' && !couponSetId) problems.push('couponSetId is required for coupon imports');
  const file = parts.find((p) => p.name === 'file');
  let rows: string[][] = [];
  if (!file) problems.push('file is required');
  else {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(file.value);
    if (text.includes('\uFFFD')) problems.push('file must be UTF-8 encoded');
    rows = parseCsv(text, delimiter);
    const header = rows[0] ?? [];
    if (type === 'contacts' && !header.includes('_email'))
      problems.push('contacts files need an _email column');
    if (type === 'products' && !header.includes('productId'))
      problems.push('products files need a productId column');
    if (type === 'coupons' && (header.length !== 1 || header[0] !== 'code'))
      problems.push('coupon files have a single column: code');
  }
  if (problems.length) return unprocessable(problems);
  if (existing.filter((j) => j.status === 'queued').length >= MAX_QUEUED_IMPORTS)
    return coded('E0401', `There are already ${MAX_QUEUED_IMPORTS} imports queued; wait for them to finish.`);

  const options: ImportOptions = {
    type: type as ImportOptions['type'],
    overrideExisting,
    updateOnlyEmptyFields,
    delimiter,
    ...(couponSetId ? { couponSetId } : {}),
    csv: rows,
  };
  const job: ImportJob = {
    id: newId(),
    kind: 'import',
    status: 'queued',
    createdAt: deps.now(),
    options,
    total: Math.max(0, rows.length - 1),
    success: 0,
    errors: 0,
    complete: () => {
      const failures = applyRows(store, options, { now: deps.now(), doubleOptIn: deps.doubleOptIn });
      job.errors = failures.length;
      job.success = job.total - failures.length;
      if (failures.length)
        job.errorReportToken = deps.files.put(
          `import-${job.id}-errors.csv`,
          ['line,error', ...failures.map((f) => `${f.line},"${f.error.replace(/"/g, '""')}"`)].join('\r\n'),
        );
    },
  };
  store.jobs.push(job);
  return { status: 201, body: importRead(req, job) };
}
