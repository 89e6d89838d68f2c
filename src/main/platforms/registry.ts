// Runs in: main (Electron-free). Owns: which destinations exist. A platform appears here once its connector
// is complete; the contract, CLI and wizards list platforms from this registry.
import type { Connector } from '../engine/connector.js';
import { fileExporter } from './file/index.js';

export const connectors: Record<string, Connector<unknown, unknown>> = {
  file: fileExporter as Connector<unknown, unknown>,
};

export function connectorFor(platform: string): Connector<unknown, unknown> | undefined {
  return Object.hasOwn(connectors, platform) ? connectors[platform] : undefined;
}
