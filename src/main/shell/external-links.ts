// Runs in: Electron main (plain, Electron-free). Owns: which external sites a link in the console may open
// in the user's browser: BigCommerce and the five platforms' admin and documentation sites, nothing else.

/**
 * `https://host` matches that host exactly; `https://*.domain` matches any subdomain of it (not the bare
 * domain, which gets its own entry when wanted). Only https: a link never downgrades to plain http.
 */
export const EXTERNAL_ALLOWLIST: readonly string[] = [
  // BigCommerce: account login, each store's control panel, developer and help centres.
  'https://www.bigcommerce.com',
  'https://login.bigcommerce.com',
  'https://*.mybigcommerce.com',
  'https://developer.bigcommerce.com',
  'https://support.bigcommerce.com',
  'https://docs.bigcommerce.com',
  // ActiveCampaign: each account's admin lives on its own <account>.activehosted.com.
  'https://*.activehosted.com',
  'https://www.activecampaign.com',
  'https://help.activecampaign.com',
  'https://developers.activecampaign.com',
  // Dotdigital: regional apps (r1-app, r2-app, r3-app), support and developer hubs.
  'https://*.dotdigital.com',
  // SALESmanago: app, docs and support.
  'https://*.salesmanago.com',
  // Bloomreach Engagement (formerly Exponea): app and documentation.
  'https://*.bloomreach.com',
  'https://*.exponea.com',
  // Connectif: app, API docs and support.
  'https://*.connectif.cloud',
  'https://*.connectif.ai',
];

export function isAllowedExternal(raw: string, allowlist: readonly string[] = EXTERNAL_ALLOWLIST): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Credentials in a URL are a classic way to disguise the real host (https://bigcommerce.com@evil.example).
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return allowlist.some((entry) => {
    const pattern = entry.slice('https://'.length).toLowerCase();
    if (!entry.startsWith('https://')) return false;
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    return host === pattern;
  });
}
