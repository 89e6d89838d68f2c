// Runs in: main (Electron-free); zod only, so it can move to src/shared/contract as is. Owns: the mapping
// model: catalogue fields, transform specs, mapping rows, issues, and their zod schemas.
import { z } from 'zod';
import { transformSchema } from './transforms/spec.js';

export const fieldTypes = ['text', 'number', 'date', 'boolean', 'list'] as const;
export const fieldTypeSchema = z.enum(fieldTypes);
export type FieldType = z.infer<typeof fieldTypeSchema>;

/** Which BigCommerce record a mapping reads. */
export const entitySchema = z.enum(['customer', 'order']);
export type Entity = z.infer<typeof entitySchema>;

export const catalogueFieldSchema = z.object({
  /** Stable key: `bc.customer.first_name`, `bc.form_field.<name>`, `bc.attribute.<id>`, or the platform's key. */
  key: z.string().min(1),
  label: z.string(),
  type: fieldTypeSchema,
  /** For `list`: the options in the order BigCommerce (or the platform) defines them. */
  options: z.array(z.string()).optional(),
  /** For `list`: several answers at once (BigCommerce checkboxes). */
  multi: z.boolean().optional(),
  /** 'definition' when the options came from the store's field definition; 'observed' when only seen in records. */
  optionsFrom: z.enum(['definition', 'observed']).optional(),
  custom: z.boolean(),
  /** Source side: the record it reads. Absent on the platform side. */
  entity: entitySchema.optional(),
  /** For the grid: "Customer", "Address", "Form fields", "Attributes", "Order", "Billing address", ... */
  group: z.string(),
  /** Platform side: the platform refuses a record without it. */
  required: z.boolean().optional(),
});
export type CatalogueField = z.infer<typeof catalogueFieldSchema>;

export const catalogueSchema = z.object({
  source: z.array(catalogueFieldSchema),
  target: z.array(catalogueFieldSchema),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export const mappingRowSchema = z.object({
  /** A source catalogue key; absent for a constant row (then a `default` transform gives the value). */
  source: z.string().min(1).optional(),
  target: z.string().min(1, { message: 'Pick the platform field this row fills' }),
  transforms: z.array(transformSchema).default([]),
  /** The record is reported (and this field left out) when the value is empty after transforms. */
  required: z.boolean().optional(),
});
export type MappingRow = z.infer<typeof mappingRowSchema>;

export const mappingSchema = z.object({
  entity: entitySchema,
  rows: z.array(mappingRowSchema),
});
export type Mapping = z.infer<typeof mappingSchema>;
export type MappingInput = z.input<typeof mappingSchema>;

export const severitySchema = z.enum(['error', 'warning']);

/** A problem with the mapping itself, found before any record is read. */
export const mappingIssueSchema = z.object({
  severity: severitySchema,
  code: z.enum([
    'unknown_source',
    'unknown_target',
    'wrong_entity',
    'duplicate_target',
    'required_target_missing',
    'type_mismatch',
    'transform_mismatch',
    'options_mismatch',
    'options_unordered',
    'no_value',
  ]),
  /** Index of the row in `rows`, when the issue belongs to one. */
  row: z.number().int().optional(),
  source: z.string().optional(),
  target: z.string().optional(),
  message: z.string(),
});
export type MappingIssue = z.infer<typeof mappingIssueSchema>;

/** A problem with one record under a mapping: which record, which field, what is wrong. */
export const recordIssueSchema = z.object({
  severity: severitySchema,
  code: z.enum([
    'transform_failed',
    'required_empty',
    'type_conflict',
    'unknown_source',
    'truncated',
    'unsupported_value',
  ]),
  recordId: z.string(),
  source: z.string().optional(),
  target: z.string(),
  message: z.string(),
});
export type RecordIssue = z.infer<typeof recordIssueSchema>;

/** Anything a field can hold once read: BigCommerce values are strings, numbers, booleans or string arrays. */
export type Value = string | number | boolean | string[] | null | undefined;
