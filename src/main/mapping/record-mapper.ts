// Runs in: main (Electron-free), wherever the engine plans. Owns: a connection's mapping as a sync applies it:
// the saved rows (or its connector's defaults when none are saved), with a catalogue read once per sync.
import type { MappingDefault } from '../engine/connector.js';
import type { Db } from '../storage/db.js';
import { keptStoreCountry } from '../stores/store-country.js';
import { applyMapping, type Applied } from './apply.js';
import { buildCatalogue, type RemoteFieldInput } from './catalogue.js';
import { localiseDefaults } from './defaults.js';
import { discoverCustomFields } from './discover.js';
import { mappingRowSchema, type Catalogue, type CatalogueField, type Entity, type Mapping } from './model.js';
import { MappingRepo } from './repo.js';
import { latestStaged } from './staged.js';

/** A record through the mapping, and whether the rows were saved by the user or are the connector's defaults. */
export type MappedRecord = Applied & { from: 'saved' | 'defaults'; savedAt?: string };

export interface RecordMapperInput {
  connectionId: string;
  storeId: string;
  /** The connector's default rows, used for an entity with no saved mapping. */
  defaults?: Readonly<Partial<Record<Entity, readonly MappingDefault[]>>>;
  /** The platform's fields when the caller has them (types and required flags); none means no target checks. */
  targets?: readonly RemoteFieldInput[];
  /** How many recent staged records custom-field discovery reads, as the mapping service does. */
  discoverySample?: number;
}

export interface ConnectionMapping {
  mapping: Mapping;
  /** ISO time the mapping was saved; undefined for the connector's defaults. */
  savedAt?: string;
  /** The platform fields the rows write, as saved with them: each value is checked against its field's type. */
  targets: readonly RemoteFieldInput[] | readonly CatalogueField[];
}

const ENTITY_OF: Partial<Record<string, Entity>> = { customers: 'customer', orders: 'order' };

/** The mapping entity a staged resource is read as; undefined for resources no mapping reads. */
export function entityOf(resource: string): Entity | undefined {
  return ENTITY_OF[resource];
}

/**
 * Maps records of one connection. Built once per plan pass: the saved mapping and the catalogue are read on
 * first use of each entity, so a page of 500 records costs one SQL read and one discovery, not 500.
 */
export class RecordMapper {
  private readonly repo: MappingRepo;
  private readonly mappings = new Map<Entity, ConnectionMapping | null>();
  private sourceCache: CatalogueField[] | undefined;
  private readonly catalogues = new Map<Entity, Catalogue>();

  constructor(
    private readonly db: Db,
    private readonly input: RecordMapperInput,
  ) {
    this.repo = new MappingRepo(db);
  }

  /** The saved mapping, else the defaults; null when the connector has neither for this entity. */
  mappingFor(entity: Entity): ConnectionMapping | null {
    if (!this.mappings.has(entity)) this.mappings.set(entity, this.load(entity));
    return this.mappings.get(entity)!;
  }

  /** The record through its entity's mapping; undefined when no mapping reads this resource. */
  map(resource: string, record: unknown, recordId: string): MappedRecord | undefined {
    const entity = entityOf(resource);
    if (!entity || record === undefined) return undefined;
    const m = this.mappingFor(entity);
    if (!m) return undefined;
    return {
      ...applyMapping(record, m.mapping, this.catalogue(entity, m), recordId),
      ...(m.savedAt ? { from: 'saved' as const, savedAt: m.savedAt } : { from: 'defaults' as const }),
    };
  }

  private load(entity: Entity): ConnectionMapping | null {
    const { connectionId } = this.input;
    const saved = this.repo.getMapping(connectionId, entity);
    if (saved) {
      return {
        mapping: { entity, rows: saved.rows },
        savedAt: saved.updatedAt,
        targets: this.input.targets ?? this.repo.getMappingTargets(connectionId, entity),
      };
    }
    const pairs = this.input.defaults?.[entity];
    if (!pairs?.length) return null;
    // The same rows `mapping:defaults` shows in the grid: in the store's own country once it is known.
    const local = localiseDefaults(pairs, keptStoreCountry(this.db, this.input.storeId));
    return {
      mapping: { entity, rows: local.map((p) => mappingRowSchema.parse(p)) },
      targets: this.input.targets ?? [],
    };
  }

  private catalogue(entity: Entity, m: ConnectionMapping): Catalogue {
    const hit = this.catalogues.get(entity);
    if (hit) return hit;
    const c: Catalogue = { source: this.sources(), target: m.targets.map(asCatalogueField) };
    this.catalogues.set(entity, c);
    return c;
  }

  /** Source fields: BigCommerce's standard ones and the store's custom ones, found in its staged records. */
  private sources(): CatalogueField[] {
    if (this.sourceCache) return this.sourceCache;
    const n = this.input.discoverySample ?? 500;
    const found = discoverCustomFields({
      records: {
        customers: latestStaged(this.db, this.input.storeId, 'customers', n),
        orders: latestStaged(this.db, this.input.storeId, 'orders', n),
      },
    });
    this.sourceCache = buildCatalogue({ custom: found.fields, remote: [] }).source;
    return this.sourceCache;
  }
}

function asCatalogueField(f: RemoteFieldInput | CatalogueField): CatalogueField {
  if ('group' in f) return f;
  return buildCatalogue({ custom: [], remote: [f] }).target[0]!;
}
