// Runs in: main (Electron-free). Owns: which destinations exist. A platform appears here once its connector
// is complete; the contract, CLI and wizards list platforms from this registry.
import type { Connector } from '../engine/connector.js';
import { activeCampaign } from './activecampaign/index.js';
import { bloomreach } from './bloomreach/index.js';
import { connectif } from './connectif/index.js';
import { dotdigitalConnector } from './dotdigital/index.js';
import { fileExporter } from './file/index.js';
import { salesmanagoConnector } from './salesmanago/index.js';

export const connectors: Record<string, Connector<unknown, unknown>> = {
  file: fileExporter as Connector<unknown, unknown>,
  activecampaign: activeCampaign as unknown as Connector<unknown, unknown>,
  dotdigital: dotdigitalConnector as unknown as Connector<unknown, unknown>,
  salesmanago: salesmanagoConnector as unknown as Connector<unknown, unknown>,
  connectif: connectif as unknown as Connector<unknown, unknown>,
  bloomreach: bloomreach as unknown as Connector<unknown, unknown>,
};

export function connectorFor(platform: string): Connector<unknown, unknown> | undefined {
  return Object.hasOwn(connectors, platform) ? connectors[platform] : undefined;
}
