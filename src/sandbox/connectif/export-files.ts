// Runs in: Node (simulators). Owns: the CSV content of contact, activity and data-explorer exports.
import { toCsv } from './multipart.js';
import type { StoreState } from './state.js';

export interface ExportSpec {
  exportType: 'contacts' | 'activities' | 'data-explorer';
  delimiter: string;
  dateFormat: 'ISO' | 'L' | 'LL' | 'LLL';
  filters: Record<string, unknown>;
  version: number;
}

const contactColumns = [
  '_email',
  '_name',
  '_surname',
  '_birthdate',
  '_mobilePhone',
  '_mobilePhoneStatus',
  '_emailStatus',
  '_newsletterSubscriptionStatus',
  '_smsSubscriptionStatus',
  '_emailLastUnsubscribedDate',
  '_points',
  '_createdAt',
  '_updatedAt',
];
const dateColumns = new Set(['_emailLastUnsubscribedDate', '_createdAt', '_updatedAt', 'date']);
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Moment.js-style locale formats (en, UTC), which Connectif's L/LL/LLL names come from. */
export function formatDate(isoDate: string, f: ExportSpec['dateFormat']): string {
  if (f === 'ISO') return isoDate;
  const d = new Date(isoDate);
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (f === 'L') return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
  const ll = `${months[d.getUTCMonth()]!} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  if (f === 'LL') return ll;
  const h = d.getUTCHours() % 12 || 12;
  return `${ll} ${h}:${pad(d.getUTCMinutes())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

export function buildExportFile(store: StoreState, spec: ExportSpec): { content: string; rows: number } {
  const cell = (col: string, v: unknown): string | number | null => {
    if (v === null || v === undefined) return null;
    if (Array.isArray(v)) return v.join('|');
    if (dateColumns.has(col) && typeof v === 'string') return formatDate(v, spec.dateFormat);
    return typeof v === 'number' ? v : String(v);
  };
  if (spec.exportType === 'contacts') {
    const columns = [...contactColumns, ...store.customFields.map((f) => f.id)];
    const rows = [...store.contacts.values()].map((c) => {
      const read = store.contactRead(c);
      return columns.map((col) => cell(col, read[col]));
    });
    return { content: toCsv([columns, ...rows], spec.delimiter), rows: rows.length };
  }
  if (spec.exportType === 'activities') {
    const from = Date.parse(String(spec.filters['fromDate']));
    const to = Date.parse(String(spec.filters['toDate']));
    const types = spec.filters['activityTypes'] as string[] | undefined;
    const rows = store.activities
      .filter((a) => a.at >= from && a.at <= to && (!types || types.includes(a.type)))
      .map((a) =>
        ['_email', 'activityType', 'date'].map((col) =>
          cell(
            col,
            col === '_email' ? a.email : col === 'activityType' ? a.type : new Date(a.at).toISOString(),
          ),
        ),
      );
    return {
      content: toCsv([['_email', 'activityType', 'date'], ...rows], spec.delimiter),
      rows: rows.length,
    };
  }
  // Data-explorer reports are built in Connectif's UI; the simulator has none, so the file is header-only.
  return { content: toCsv([['reportId', 'date']], spec.delimiter), rows: 0 };
}
