// Runs in: main (Electron-free). Owns: the connection's saved field mapping merged into a Bloomreach
// customer's properties (keyed by property name). With no mapping saved, the connector's own code already
// writes the default rows, so defaults add nothing.
import type { MappedValues } from '../../engine/connector.js';
import { mappedEntries } from '../shared/mapped-values.js';

export function withMappedProperties(
  properties: Record<string, unknown>,
  mapped: MappedValues | undefined,
): Record<string, unknown> {
  if (mapped?.from !== 'saved') return properties;
  return { ...properties, ...Object.fromEntries(mappedEntries(mapped)) };
}

/**
 * The time the customer's properties are written at. Bloomreach keeps a stored value unless the write is newer,
 * so values a saved mapping produces are dated no earlier than the save: an edited mapping then wins over what
 * the same record version wrote before (and every mapped record is sent once more after a save).
 */
export function writtenAt(dateModified: string, mapped: MappedValues | undefined): string {
  const saved = mapped?.from === 'saved' ? mapped.savedAt : undefined;
  return saved && Date.parse(saved) > Date.parse(dateModified) ? saved : dateModified;
}
