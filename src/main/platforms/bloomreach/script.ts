// Runs in: main (Electron-free). Owns: the Bloomreach web SDK snippet, installed through the BigCommerce
// Scripts API by the engine, under the consent category the merchant chose.
import type { StorefrontScript } from '../../engine/connector.js';
import type { BloomreachCredentials, BloomreachSettings } from './schemas.js';

/**
 * The pasted snippet wins (it carries the project's own SDK options). Without one, a minimal loader: the SDK
 * script from the instance (`/js/exponea.min.js`) started with the project token [UNVERIFIED: the full
 * official snippet was not in readable docs].
 */
export function storefrontScript(
  cred: Partial<BloomreachCredentials> | undefined,
  s: BloomreachSettings,
): StorefrontScript | undefined {
  if (!s.tracking.enabled) return undefined;
  const pasted = s.tracking.snippet.trim();
  const base = (cred?.baseUrl ?? 'https://api.exponea.com').replace(/\/+$/, '');
  if (!pasted && !cred?.projectToken) return undefined;
  const html = pasted
    ? /<script/i.test(pasted)
      ? pasted
      : `<script>\n${pasted}\n</script>`
    : `<script src="${base}/js/exponea.min.js"></script>\n<script>\nexponea.start({ target: ${JSON.stringify(base)}, token: ${JSON.stringify(cred?.projectToken)}, track: { visits: true } });\n</script>`;
  return {
    name: 'Bloomreach Engagement web tracking',
    description:
      'Bloomreach web SDK: sessions, page views and the cookie id that joins browsing to the customer.',
    kind: 'script_tag',
    html,
    location: 'head',
    visibility: 'all_pages',
    consentCategory: s.consentCategory,
  };
}
