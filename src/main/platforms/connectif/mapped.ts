// Runs in: main (Electron-free). Owns: the connection's saved field mapping merged into a Connectif contact
// patch, keyed as the patch is: system fields (`_name`, `_birthdate`...) and custom field ids. With no mapping
// saved, the connector's own code already writes the default rows (and its form-field settings), so defaults
// add nothing.
import type { MappedValues } from '../../engine/connector.js';
import { mappedEntries } from '../shared/mapped-values.js';
import type { Json } from './payloads.js';

export function withMappedPatch(patch: Json, mapped: MappedValues | undefined): Json {
  if (mapped?.from !== 'saved') return patch;
  // The email is the contact's identity (the request path), not a patch field.
  return { ...patch, ...Object.fromEntries(mappedEntries(mapped).filter(([k]) => k !== 'email')) };
}
