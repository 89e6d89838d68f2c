// Runs in: main (Electron-free). Owns: the mapping service: a connection's catalogue, validating, saving
// and previewing its mappings, and templates saved once and applied to many stores' connections.
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { Db } from '../storage/db.js';
import { buildCatalogue, sourceField, type RemoteFieldInput } from './catalogue.js';
import { localiseDefaults } from './defaults.js';
import {
  discoverCustomFields,
  type AttributeDefinition,
  type Discovery,
  type FormFieldDefinition,
} from './discover.js';
import { fitRows, mappingFromDefaults, snapshotOf, type DefaultPair, type FitReport } from './fit.js';
import {
  mappingSchema,
  type Catalogue,
  type Entity,
  type Mapping,
  type MappingInput,
  type MappingIssue,
} from './model.js';
import { previewMapping, type Preview } from './preview.js';
import { MappingRepo, type StoredMapping, type Template } from './repo.js';
import { latestStaged } from './staged.js';
import { hasErrors, validateMapping } from './validate.js';

export interface MappingPorts {
  /** The platform's fields for a connection: its connector's fieldCatalogue(), with the account's credentials. */
  remoteFields(connectionId: string): Promise<RemoteFieldInput[]>;
  /** The store's form field and attribute definitions when known; otherwise fields are discovered from records. */
  definitions?(
    storeId: string,
  ): Promise<{ formFields?: FormFieldDefinition[]; attributes?: AttributeDefinition[] }>;
  /** The store's own country, read from BigCommerce when not kept yet; undefined when it cannot be known. */
  storeCountry?(storeId: string): Promise<string | undefined>;
}

export type TemplateApplyResult =
  | { connectionId: string; storeId: string; ok: true; report: FitReport }
  | { connectionId: string; ok: false; error: string };

const RESOURCE: Record<Entity, 'customers' | 'orders'> = { customer: 'customers', order: 'orders' };

/** How long a platform's field list is reused: the grid validates and previews on every edit. */
export const CATALOGUE_TTL_MS = 5 * 60_000;
const CACHED = { refresh: false } as const;

export class MappingService {
  readonly repo: MappingRepo;
  /** The platform's fields per account (connections of one account share them), with when they were read. */
  private readonly remoteCache = new Map<string, { at: number; fields: Promise<RemoteFieldInput[]> }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ports: MappingPorts,
    /** How many recent staged records discovery reads per resource. */
    private readonly discoverySample = 500,
    private readonly catalogueTtlMs = CATALOGUE_TTL_MS,
  ) {
    this.repo = new MappingRepo(db);
  }

  private storeOf(connectionId: string): string {
    const row = this.db.prepare('SELECT store_id FROM connections WHERE id = ?').get(connectionId) as
      { store_id: string } | undefined;
    if (!row) throw new AppError('not_found', `No connection ${connectionId}: it may have been removed`);
    return row.store_id;
  }

  async discover(storeId: string): Promise<Discovery> {
    const defs = (await this.ports.definitions?.(storeId)) ?? {};
    return discoverCustomFields({
      ...defs,
      records: {
        customers: latestStaged(this.db, storeId, 'customers', this.discoverySample),
        orders: latestStaged(this.db, storeId, 'orders', this.discoverySample),
      },
    });
  }

  /**
   * The platform's fields for a connection, read live at most once per account every few minutes; `refresh`
   * reads them again (a field just created on the platform). A failed read is not kept.
   */
  remoteFields(connectionId: string, o: { refresh?: boolean } = {}): Promise<RemoteFieldInput[]> {
    const row = this.db.prepare('SELECT account_id FROM connections WHERE id = ?').get(connectionId) as
      { account_id: string } | undefined;
    if (!row) throw new AppError('not_found', `No connection ${connectionId}: it may have been removed`);
    const key = row.account_id;
    const now = this.clock.now();
    const hit = this.remoteCache.get(key);
    if (!o.refresh && hit && now - hit.at < this.catalogueTtlMs) return hit.fields;
    const fields = this.ports.remoteFields(connectionId);
    this.remoteCache.set(key, { at: now, fields });
    fields.catch(() => {
      if (this.remoteCache.get(key)?.fields === fields) this.remoteCache.delete(key);
    });
    return fields;
  }

  /** Forgets the cached platform fields (of one connection's account, or all) so the next read is live. */
  refreshCatalogue(connectionId?: string): void {
    if (connectionId === undefined) return this.remoteCache.clear();
    const row = this.db.prepare('SELECT account_id FROM connections WHERE id = ?').get(connectionId) as
      { account_id: string } | undefined;
    if (row) this.remoteCache.delete(row.account_id);
  }

  /**
   * The grid's catalogue. Loading the grid reads the platform live (`refresh` defaults to true: a field just
   * created on the platform shows); the validate, preview and save calls of each edit then reuse that read.
   */
  async catalogue(
    connectionId: string,
    entity?: Entity,
    o: { refresh?: boolean } = { refresh: true },
  ): Promise<{ catalogue: Catalogue; skipped: Discovery['skipped'] }> {
    const storeId = this.storeOf(connectionId);
    const [found, remote] = await Promise.all([this.discover(storeId), this.remoteFields(connectionId, o)]);
    return {
      catalogue: buildCatalogue({ custom: found.fields, remote, ...(entity ? { entity } : {}) }),
      skipped: found.skipped,
    };
  }

  async validate(connectionId: string, input: MappingInput): Promise<MappingIssue[]> {
    const mapping = parseMapping(input);
    const { catalogue } = await this.catalogue(connectionId, mapping.entity, CACHED);
    return validateMapping(mapping, catalogue);
  }

  get(connectionId: string, entity: Entity): StoredMapping | null {
    this.storeOf(connectionId);
    return this.repo.getMapping(connectionId, entity) ?? null;
  }

  /** Saves a mapping without errors; warnings are returned for the grid to show. */
  async save(connectionId: string, input: MappingInput): Promise<{ issues: MappingIssue[] }> {
    const mapping = parseMapping(input);
    const { catalogue } = await this.catalogue(connectionId, mapping.entity, CACHED);
    const issues = validateMapping(mapping, catalogue);
    if (hasErrors(issues)) {
      const errors = issues.filter((i) => i.severity === 'error');
      throw new AppError(
        'invalid_input',
        `The mapping was not saved: ${errors.map((e) => e.message).join('; ')}`,
        {
          fields: Object.fromEntries(
            errors.map((e) => [e.row !== undefined ? `rows.${e.row}` : (e.target ?? 'rows'), e.message]),
          ),
        },
      );
    }
    this.repo.saveMapping(connectionId, mapping, this.now(), null, catalogue.target);
    return { issues };
  }

  /** The first `limit` recent staged records of the connection's store through a mapping (saved or draft). */
  async preview(
    connectionId: string,
    input: MappingInput,
    limit = 20,
  ): Promise<Preview & { issues: MappingIssue[] }> {
    const mapping = parseMapping(input);
    const storeId = this.storeOf(connectionId);
    const { catalogue } = await this.catalogue(connectionId, mapping.entity, CACHED);
    const records = latestStaged(this.db, storeId, RESOURCE[mapping.entity], limit);
    return {
      ...previewMapping(records, mapping, catalogue, limit),
      issues: validateMapping(mapping, catalogue),
    };
  }

  /** Saves a connection's mapping as a named template, with what its source fields looked like in that store. */
  async saveTemplate(input: { name: string; connectionId: string; entity: Entity }): Promise<Template> {
    const stored = this.repo.getMapping(input.connectionId, input.entity);
    if (!stored) {
      throw new AppError(
        'not_found',
        `Connection ${input.connectionId} has no ${input.entity} mapping to save as a template yet`,
      );
    }
    const { catalogue } = await this.catalogue(input.connectionId, input.entity, CACHED);
    const sourceFields = Object.fromEntries(
      stored.rows.flatMap((r) => {
        const f = sourceField(catalogue, r.source);
        return f ? [[f.key, snapshotOf(f)]] : [];
      }),
    );
    return this.repo.createTemplate(
      { name: input.name, entity: input.entity, rows: stored.rows, sourceFields },
      this.now(),
    );
  }

  /**
   * Fits a template to each connection's store and saves what fits, with what did not. One connection's
   * failure (removed, platform unreachable) is reported for it alone.
   */
  async applyTemplate(templateId: string, connectionIds: readonly string[]): Promise<TemplateApplyResult[]> {
    const template = this.repo.getTemplate(templateId);
    if (!template)
      throw new AppError('not_found', `No mapping template ${templateId}: it may have been deleted`);
    const results: TemplateApplyResult[] = [];
    for (const connectionId of connectionIds) {
      try {
        const storeId = this.storeOf(connectionId);
        const { catalogue } = await this.catalogue(connectionId, template.entity, CACHED);
        const report = fitRows(
          { entity: template.entity, rows: template.rows, expected: template.sourceFields },
          catalogue,
        );
        this.repo.saveMapping(
          connectionId,
          report.mapping,
          this.now(),
          { templateId, notFitted: report.notFitted },
          catalogue.target,
        );
        results.push({ connectionId, storeId, ok: true, report });
      } catch (err) {
        results.push({ connectionId, ok: false, error: err instanceof Error ? err.message : String(err) });
      }
    }
    return results;
  }

  /**
   * A connector's default pairs fitted to this connection's store, phone rows in the store's country; the
   * caller decides whether to save it.
   */
  async fromDefaults(
    connectionId: string,
    entity: Entity,
    pairs: readonly DefaultPair[],
  ): Promise<FitReport> {
    // Resolved first: a missing connection throws before the catalogue's promise exists to be left unhandled.
    const storeId = this.storeOf(connectionId);
    const [{ catalogue }, country] = await Promise.all([
      this.catalogue(connectionId, entity),
      this.ports.storeCountry?.(storeId),
    ]);
    // The grid shows the country chosen: the store's own (read now if it never was), else the connector's.
    return mappingFromDefaults(entity, localiseDefaults(pairs, country), catalogue);
  }

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

function parseMapping(input: MappingInput | Mapping): Mapping {
  const r = mappingSchema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const i of r.error.issues) fields[i.path.join('.') || '(mapping)'] ??= i.message;
  throw new AppError(
    'invalid_input',
    `The mapping is not valid: ${Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}`,
    { fields },
  );
}
