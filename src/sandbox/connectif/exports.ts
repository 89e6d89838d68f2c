// Runs in: Node (simulators). Owns: POST /exports/, POST /exports/type/data-explorer and the export
// reads; the file (export-files.ts) is written when the job finishes and its URL re-signed on each read.
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { coded, notFound, unprocessable } from './errors.js';
import type { Ctx, Gate } from './gate.js';
import { buildExportFile, type ExportSpec } from './export-files.js';
import { fileUrl, type FileStore } from './files.js';
import { page, type Job, type JobRunner } from './jobs.js';
import { iso, newId, type StoreState } from './state.js';
import { checkEnum, checkInteger, checkString, checkStringArray, isIsoDate, isObject } from './validate.js';

const MAX_QUEUED_EXPORTS = 5;
const MAX_RANGE_MS = 31 * 24 * 3600 * 1000;
const FILE_URL_TTL_MS = 100 * 60 * 1000;

export interface ExportJob extends Job {
  kind: 'export';
  spec: ExportSpec;
  total: number;
  content?: string;
}

export interface ExportDeps {
  gate: Gate;
  runner: JobRunner;
  files: FileStore;
  now: () => number;
}

export function addExportRoutes(router: Router, deps: ExportDeps): void {
  const { gate, runner } = deps;
  const exportsOf = (store: StoreState): ExportJob[] => {
    runner.advance(store.jobs);
    return store.jobs.filter((j): j is ExportJob => j.kind === 'export');
  };
  router.post(
    '/exports/type/data-explorer',
    gate.wrap('exports:write', (req, ctx) => create(req, ctx, deps, exportsOf(ctx.store), true)),
  );
  router.post(
    '/exports',
    gate.wrap('exports:write', (req, ctx) => create(req, ctx, deps, exportsOf(ctx.store), false)),
  );
  router.get(
    '/exports',
    gate.wrap('exports:read', (req, { store }) => {
      const list = exportsOf(store).map((j) => exportRead(req, j, deps));
      const r = page(list.reverse(), req.query, `http://${req.headers.host ?? ''}/exports`);
      return typeof r === 'string' ? unprocessable([r]) : { status: 200, body: r.body };
    }),
  );
  router.get(
    '/exports/:id',
    gate.wrap('exports:read', (req, { store }) => {
      const job = exportsOf(store).find((j) => j.id === req.params['id']);
      return job ? { status: 200, body: exportRead(req, job, deps) } : notFound('Export');
    }),
  );
}

function exportRead(req: SimRequest, j: ExportJob, deps: ExportDeps): Record<string, unknown> {
  const finished = j.status === 'finished' && j.content !== undefined;
  const fileName = `export-${j.id}.csv`;
  return {
    id: j.id,
    exportType: j.spec.exportType,
    status: j.status,
    progress: j.status === 'finished' ? 100 : j.status === 'inProgress' ? 50 : 0,
    total: j.total,
    // A fresh signed URL on every read, valid 100 minutes, as documented.
    ...(finished ? { fileUrl: fileUrl(req, deps.files.put(fileName, j.content!, FILE_URL_TTL_MS)) } : {}),
    fileName,
    fileExtension: 'csv',
    delimiter: j.spec.delimiter,
    dateFormat: j.spec.dateFormat,
    filters: j.spec.filters,
    version: j.spec.version,
    createdAt: iso(j.createdAt),
    startedAt: j.startedAt === undefined ? null : iso(j.startedAt),
    finishedAt: j.finishedAt === undefined ? null : iso(j.finishedAt),
  };
}

function validate(body: Record<string, unknown>, dataExplorer: boolean): string[] {
  const p: string[] = [];
  const filters = body['filters'] ?? {};
  if (!dataExplorer) {
    if (body['exportType'] === undefined) p.push('exportType is required');
    checkEnum(p, 'exportType', body['exportType'], ['contacts', 'activities']);
    checkEnum(p, 'dateFormat', body['dateFormat'], ['ISO', 'L', 'LL', 'LLL']);
    checkInteger(p, 'version', body['version'], 1);
    if (typeof body['version'] === 'number' && body['version'] > 5) p.push('version must be from 1 to 5');
  }
  checkEnum(p, 'delimiter', body['delimiter'], [',', ';']);
  if (!isObject(filters)) return [...p, 'filters must be an object'];
  checkString(p, 'filters.segmentId', filters['segmentId']);
  checkStringArray(p, 'filters.activityTypes', filters['activityTypes']);
  const needsRange = dataExplorer || body['exportType'] === 'activities';
  if (dataExplorer && typeof filters['reportId'] !== 'string') p.push('filters.reportId is required');
  const dateOk = (v: unknown): boolean =>
    dataExplorer ? typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v) : isIsoDate(v);
  for (const k of ['fromDate', 'toDate']) {
    const v = filters[k];
    if (v === undefined && needsRange) p.push(`filters.${k} is required`);
    else if (v !== undefined && !dateOk(v))
      p.push(`filters.${k} must be ${dataExplorer ? 'a YYYY-MM-DD date' : 'an ISO-8601 date'}`);
  }
  if (dateOk(filters['fromDate']) && dateOk(filters['toDate'])) {
    const span = Date.parse(String(filters['toDate'])) - Date.parse(String(filters['fromDate']));
    if (span < 0) p.push('filters.fromDate must not be after filters.toDate');
    else if (needsRange && span > MAX_RANGE_MS) p.push('the date range must not exceed 31 days');
  }
  return p;
}

function create(
  req: SimRequest,
  { store }: Ctx,
  deps: ExportDeps,
  existing: ExportJob[],
  dataExplorer: boolean,
): SimResponse {
  if (!isObject(req.body)) return unprocessable(['the body must be a JSON object']);
  const problems = validate(req.body, dataExplorer);
  if (problems.length) return unprocessable(problems);
  if (existing.filter((j) => j.status === 'queued').length >= MAX_QUEUED_EXPORTS)
    return coded('E0301', `There are already ${MAX_QUEUED_EXPORTS} exports queued; wait for them to finish.`);
  const b = req.body;
  const spec: ExportSpec = {
    exportType: dataExplorer ? 'data-explorer' : (b['exportType'] as 'contacts' | 'activities'),
    delimiter: (b['delimiter'] as string | undefined) ?? ',',
    dateFormat: (b['dateFormat'] as ExportSpec['dateFormat'] | undefined) ?? 'ISO',
    filters: (b['filters'] as Record<string, unknown> | undefined) ?? {},
    version: (b['version'] as number | undefined) ?? 1,
  };
  const job: ExportJob = {
    id: newId(),
    kind: 'export',
    status: 'queued',
    createdAt: deps.now(),
    spec,
    total: 0,
    complete: () => {
      const file = buildExportFile(store, spec);
      job.content = file.content;
      job.total = file.rows;
    },
  };
  store.jobs.push(job);
  return { status: 201, body: exportRead(req, job, deps) };
}
