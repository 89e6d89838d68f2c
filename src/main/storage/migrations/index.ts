// Runs in: main. Owns: the ordered list of workspace migrations. Append only; never edit an applied one.
import type { Migration } from '../migrate.js';
import { m001 } from './001-stores.js';
import { m002 } from './002-extract.js';
import { m003 } from './003-engine.js';
import { m004 } from './004-mappings.js';
import { m005 } from './005-deliveries-payload.js';
import { m006 } from './006-consent-privacy.js';
import { m007 } from './007-storefront-scripts.js';
import { m008 } from './008-privacy-salt-out.js';
import { m009 } from './009-webhooks.js';
import { m010 } from './010-jobs-claim-index.js';
import { m011 } from './011-connection-hold.js';
import { m012 } from './012-store-country.js';

export const migrations: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
];
