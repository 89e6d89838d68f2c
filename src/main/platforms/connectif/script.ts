// Runs in: main (Electron-free). Owns: the Connectif storefront script (the merchant's integration code,
// installed through the BigCommerce Scripts API by the engine) under the consent category they chose.
import type { StorefrontScript } from '../../engine/connector.js';
import type { ConnectifSettings } from './schemas.js';

/**
 * Connectif gives each store its own integration code, and its script address is not in readable docs, so
 * the code is pasted rather than built. Undefined when tracking is off or nothing was pasted.
 */
export function storefrontScript(s: ConnectifSettings): StorefrontScript | undefined {
  const html = s.tracking.snippet.trim();
  if (!s.tracking.enabled || html === '') return undefined;
  return {
    name: 'Connectif tracking',
    description: 'Connectif web tracking: page views, carts and purchases in the browser, cart abandonment.',
    kind: 'script_tag',
    html: /<script/i.test(html) ? html : `<script>\n${html}\n</script>`,
    location: 'footer',
    visibility: 'all_pages',
    consentCategory: s.consentCategory,
  };
}
