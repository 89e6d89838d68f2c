// Runs in: main (Electron-free). Owns: the SQL of the mapping tables (migration 4): connection mappings and
// templates, stored as JSON and parsed back through the model's schemas.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { Db } from '../storage/db.js';
import { fieldSnapshotSchema, fitReportSchema, type FieldSnapshot, type FitReport } from './fit.js';
import {
  catalogueFieldSchema,
  entitySchema,
  mappingRowSchema,
  type CatalogueField,
  type Entity,
  type Mapping,
  type MappingRow,
} from './model.js';

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  entity: entitySchema,
  rows: z.array(mappingRowSchema),
  sourceFields: z.record(z.string(), fieldSnapshotSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof templateSchema>;

export const storedMappingSchema = z.object({
  connectionId: z.string(),
  entity: entitySchema,
  rows: z.array(mappingRowSchema),
  templateId: z.string().nullable(),
  notFitted: fitReportSchema.shape.notFitted,
  updatedAt: z.string(),
});
export type StoredMapping = z.infer<typeof storedMappingSchema>;

interface TemplateRow {
  id: string;
  name: string;
  entity: string;
  rows: string;
  source_fields: string;
  created_at: string;
  updated_at: string;
}
interface MappingDbRow {
  connection_id: string;
  entity: string;
  rows: string;
  template_id: string | null;
  not_fitted: string;
  updated_at: string;
}

const toTemplate = (r: TemplateRow): Template =>
  templateSchema.parse({
    id: r.id,
    name: r.name,
    entity: r.entity,
    rows: JSON.parse(r.rows),
    sourceFields: JSON.parse(r.source_fields),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

export class MappingRepo {
  constructor(private readonly db: Db) {}

  getMapping(connectionId: string, entity: Entity): StoredMapping | undefined {
    const r = this.db
      .prepare('SELECT * FROM mappings WHERE connection_id = ? AND entity = ?')
      .get(connectionId, entity) as MappingDbRow | undefined;
    if (!r) return undefined;
    return storedMappingSchema.parse({
      connectionId: r.connection_id,
      entity: r.entity,
      rows: JSON.parse(r.rows),
      templateId: r.template_id,
      notFitted: JSON.parse(r.not_fitted),
      updatedAt: r.updated_at,
    });
  }

  /**
   * The platform fields a saved mapping's rows write, as they were when it was saved (type, options,
   * required): what a sync checks each value against without asking the platform. Empty for older rows.
   */
  getMappingTargets(connectionId: string, entity: Entity): CatalogueField[] {
    const r = this.db
      .prepare('SELECT rows FROM mappings WHERE connection_id = ? AND entity = ?')
      .get(connectionId, entity) as { rows: string } | undefined;
    if (!r) return [];
    const rows = JSON.parse(r.rows) as Array<{ targetField?: unknown }>;
    return rows.flatMap((row) => {
      const f = catalogueFieldSchema.safeParse(row.targetField);
      return f.success ? [f.data] : [];
    });
  }

  saveMapping(
    connectionId: string,
    mapping: Mapping,
    now: string,
    from: { templateId: string; notFitted: FitReport['notFitted'] } | null = null,
    /** The platform's field for each row's target, kept beside the row (the row schema leaves it out when read). */
    targets: readonly CatalogueField[] = [],
  ): void {
    const rows = mapping.rows.map((row) => {
      const targetField = targets.find((t) => t.key === row.target);
      return targetField ? { ...row, targetField } : row;
    });
    this.db
      .prepare(
        `INSERT INTO mappings (connection_id, entity, rows, template_id, not_fitted, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (connection_id, entity) DO UPDATE SET rows = excluded.rows, template_id = excluded.template_id,
           not_fitted = excluded.not_fitted, updated_at = excluded.updated_at`,
      )
      .run(
        connectionId,
        mapping.entity,
        JSON.stringify(rows),
        from?.templateId ?? null,
        JSON.stringify(from?.notFitted ?? []),
        now,
      );
  }

  createTemplate(
    input: { name: string; entity: Entity; rows: MappingRow[]; sourceFields: Record<string, FieldSnapshot> },
    now: string,
  ): Template {
    const id = randomUUID();
    try {
      this.db
        .prepare(
          'INSERT INTO mapping_templates (id, name, entity, rows, source_fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          input.name.trim(),
          input.entity,
          JSON.stringify(input.rows),
          JSON.stringify(input.sourceFields),
          now,
          now,
        );
    } catch (err) {
      if (err instanceof Error && /UNIQUE/.test(err.message)) {
        throw new AppError(
          'conflict',
          `A mapping template named "${input.name.trim()}" already exists: pick another name`,
          {
            fields: { name: 'Name already used' },
          },
        );
      }
      throw err;
    }
    return this.getTemplate(id)!;
  }

  getTemplate(id: string): Template | undefined {
    const r = this.db.prepare('SELECT * FROM mapping_templates WHERE id = ?').get(id) as
      TemplateRow | undefined;
    return r && toTemplate(r);
  }

  listTemplates(): Template[] {
    return (this.db.prepare('SELECT * FROM mapping_templates ORDER BY name').all() as TemplateRow[]).map(
      toTemplate,
    );
  }

  deleteTemplate(id: string): boolean {
    return this.db.prepare('DELETE FROM mapping_templates WHERE id = ?').run(id).changes > 0;
  }
}
