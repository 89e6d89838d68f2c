// Runs in: main (Electron-free). Owns: the connection's saved field mapping merged into a dotdigital contact's
// data fields (keyed by data field name). With no mapping saved, the connector's own `fieldMapping` setting
// already sends the default rows, typed and only for data fields the account has, so defaults add nothing.
import type { MappedValues } from '../../engine/connector.js';
import { asText, mappedEntries } from '../shared/mapped-values.js';

type DataFieldValue = string | number | boolean | null;

export function withMappedDataFields(
  dataFields: Record<string, DataFieldValue>,
  mapped: MappedValues | undefined,
): Record<string, DataFieldValue> {
  if (mapped?.from !== 'saved') return dataFields;
  const out = { ...dataFields };
  // Data field names are case-insensitive in dotdigital; the grid offers them as the account lists them.
  for (const [field, v] of mappedEntries(mapped)) out[field] = Array.isArray(v) ? asText(v) : v;
  return out;
}
