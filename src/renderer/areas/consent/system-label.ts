// Runs in: renderer. Owns: naming a consent "system" (BigCommerce, or a connection id) the way every consent
// table shows it: the connection's name and its platform, so an error or a row says where it applies.
import type { ConnectionSummary, PlatformInfo } from '../../state/workspace-store';
import { platformLabel } from '../../state/workspace-store';

export function systemLabel(
  system: string,
  connections: ConnectionSummary[],
  platforms: PlatformInfo[],
): string {
  if (system === 'bigcommerce' || system === 'storefront') return 'BigCommerce';
  if (system === 'merchant') return 'Merchant (recorded in Storebridge)';
  const c = connections.find((x) => x.id === system);
  // A connection removed since keeps its facts; its id is all that is left to name it.
  return c ? `${c.name} (${platformLabel(platforms, c.platform)})` : system;
}

export const stateColor = (state: string): string =>
  state === 'subscribed' || state === 'confirmed'
    ? 'green'
    : state === 'unsubscribed' || state === 'expired'
      ? 'red'
      : state === 'pending'
        ? 'yellow'
        : 'gray';
