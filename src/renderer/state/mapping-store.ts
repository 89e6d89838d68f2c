// Runs in: renderer. Owns: the mapping being edited (one connection and entity at a time, shared by the
// wizard's mapping step and the Field mapping screen): its catalogue, grid, type warnings, preview and save.
import { create } from 'zustand';
import type { Api } from '../../shared/contract/api';
import {
  catalogueAnswer,
  draftOf,
  fitReport,
  gridFrom,
  issueSchema,
  previewAnswer,
  storedMapping,
  suggestByName,
  type Catalogue,
  type Entity,
  type GridRow,
  type GridState,
  type Issue,
  type MappingDraft,
  type PreviewAnswer,
} from '../areas/mapping/mapping-model';
import { errorText } from '../ui/errors';
import { unwrap } from './api-context';

/** Where the grid's first rows came from, said above the grid. */
export type Origin = 'saved' | 'defaults' | 'suggested' | 'empty';

interface MappingState {
  connectionId: string | null;
  entity: Entity;
  catalogue: Catalogue | null;
  grid: GridState;
  origin: Origin;
  /** Default rows that did not fit this store, with why. */
  notFitted: string[];
  issues: Issue[];
  preview: PreviewAnswer | null;
  loading: boolean;
  previewing: boolean;
  error: string | null;
  dirty: boolean;
  load(api: Api, connectionId: string, entity: Entity): Promise<void>;
  setRow(source: string, patch: Partial<GridRow>): void;
  draft(): MappingDraft;
  validate(api: Api): Promise<void>;
  runPreview(api: Api, limit?: number): Promise<void>;
  /** Saves; answers the warnings, throws (with main's reason) when the mapping has errors. */
  save(api: Api): Promise<Issue[]>;
}

export const useMapping = create<MappingState>((set, get) => ({
  connectionId: null,
  entity: 'customer',
  catalogue: null,
  grid: {},
  origin: 'empty',
  notFitted: [],
  issues: [],
  preview: null,
  loading: false,
  previewing: false,
  error: null,
  dirty: false,
  async load(api, connectionId, entity) {
    set({ connectionId, entity, loading: true, error: null, preview: null, issues: [], catalogue: null });
    const current = () => get().connectionId === connectionId && get().entity === entity;
    try {
      const input = { connectionId, entity };
      const [cat, saved] = await Promise.all([
        unwrap(api.mapping.catalogue(input)).then((v) => catalogueAnswer.parse(v).catalogue),
        unwrap(api.mapping.get(input)).then((v) => storedMapping.parse(v)),
      ]);
      let origin: Origin = 'saved';
      let rows = saved?.rows ?? [];
      let notFitted: string[] = [];
      if (!saved) {
        const defaults = fitReport.parse(await unwrap(api.mapping.defaults(input)));
        rows = defaults.mapping.rows;
        notFitted = defaults.notFitted.map(
          (n) => `${n.row.source ?? 'constant'} → ${n.row.target}: ${n.reason}`,
        );
        origin = rows.length ? 'defaults' : 'suggested';
        if (!rows.length) rows = suggestByName(cat.source, cat.target);
        if (!rows.length) origin = 'empty';
      }
      if (!current()) return;
      // The grid validates as soon as it shows the catalogue (and after each edit).
      set({ catalogue: cat, grid: gridFrom(rows), origin, notFitted, loading: false, dirty: !saved });
    } catch (err) {
      if (current()) set({ loading: false, error: errorText(err) });
    }
  },
  setRow(source, patch) {
    const g = get().grid;
    const prev: GridRow = g[source] ?? { source, target: null, preset: 'none', country: '' };
    set({ grid: { ...g, [source]: { ...prev, ...patch } }, dirty: true });
  },
  draft() {
    const { entity, catalogue, grid } = get();
    return draftOf(entity, catalogue?.source ?? [], grid);
  },
  async validate(api) {
    const { connectionId } = get();
    if (!connectionId || !get().catalogue) return;
    const mapping = get().draft();
    try {
      const raw = await unwrap(api.mapping.validate({ connectionId, mapping }));
      // A newer edit answers for itself.
      if (JSON.stringify(get().draft()) === JSON.stringify(mapping))
        set({ issues: raw.map((i) => issueSchema.parse(i)) });
    } catch (err) {
      set({ error: errorText(err) });
    }
  },
  async runPreview(api, limit = 5) {
    const { connectionId } = get();
    if (!connectionId) return;
    set({ previewing: true, error: null });
    try {
      const raw = await unwrap(api.mapping.preview({ connectionId, mapping: get().draft(), limit }));
      set({ preview: previewAnswer.parse(raw), previewing: false });
    } catch (err) {
      set({ previewing: false, error: errorText(err) });
    }
  },
  async save(api) {
    const { connectionId } = get();
    if (!connectionId) throw new Error('Choose a connection first');
    const { issues } = await unwrap(api.mapping.save({ connectionId, mapping: get().draft() }));
    const parsed = issues.map((i) => issueSchema.parse(i));
    set({ issues: parsed, dirty: false, origin: 'saved' });
    return parsed;
  },
}));
