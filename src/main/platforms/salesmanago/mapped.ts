// Runs in: main (Electron-free). Owns: the connection's saved field mapping merged into a SALESmanago contact
// upsert: standard contact fields, address, province, birthday, extra tags and `properties.<name>` (text). With
// no mapping saved, the connector's own mapping already sends the default rows, so defaults add nothing.
import type { MappedValues } from '../../engine/connector.js';
import { asText, mappedEntries } from '../shared/mapped-values.js';
import type { UpsertDetail } from './payloads.js';

const CONTACT = ['name', 'phone', 'company', 'externalId'] as const;
const ADDRESS = ['streetAddress', 'zipCode', 'city', 'country'] as const;

export function withMappedDetail(d: UpsertDetail, mapped: MappedValues | undefined): UpsertDetail {
  if (mapped?.from !== 'saved') return d;
  const out: UpsertDetail = {
    ...d,
    contact: { ...d.contact, ...(d.contact.address ? { address: { ...d.contact.address } } : {}) },
    tags: [...d.tags],
    ...(d.properties ? { properties: { ...d.properties } } : {}),
  };
  for (const [key, v] of mappedEntries(mapped)) {
    // The e-mail is the contact's identity in SALESmanago: it stays the record's own.
    if (key === 'email') continue;
    if ((CONTACT as readonly string[]).includes(key)) {
      out.contact[key as (typeof CONTACT)[number]] = asText(v);
    } else if (key.startsWith('address.') && (ADDRESS as readonly string[]).includes(key.slice(8))) {
      out.contact.address = { ...out.contact.address, [key.slice(8)]: asText(v) };
    } else if (key === 'province') {
      out.province = asText(v);
    } else if (key === 'birthday') {
      out.birthday = asText(v);
    } else if (key === 'tags') {
      const add = (Array.isArray(v) ? v : [asText(v)]).filter((t) => !out.tags.includes(t));
      out.tags.push(...add);
    } else {
      // `properties.<name>`, or a name the grid took from the platform as is: a free-form text property.
      const name = key.startsWith('properties.') ? key.slice(11) : key;
      out.properties = { ...out.properties, [name]: asText(v) };
    }
  }
  return out;
}
