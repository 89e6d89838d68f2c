// Runs in: Node (simulators). Owns: the Authorized Domains check (Store Settings > Web) on product URLs.

/**
 * An entry `https://shop.example.com` allows that scheme and host; `https://*.example.com` also allows
 * subdomains. Ports are ignored so loopback stores on random ports can be authorised once.
 */
export function isAuthorized(url: string, domains: string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return domains.some((entry) => {
    const m = /^(https?):\/\/(\*\.)?([^/:]+)/i.exec(entry.trim());
    if (!m) return false;
    if (u.protocol !== `${m[1]!.toLowerCase()}:`) return false;
    const host = m[3]!.toLowerCase();
    return m[2] ? u.hostname.endsWith(`.${host}`) || u.hostname === host : u.hostname === host;
  });
}

/** The URL fields of a product that Connectif checks, with their values. */
export function productUrls(p: Record<string, unknown>): string[] {
  return ['productDetailUrl', 'imageUrl', 'thumbnailUrl']
    .map((k) => p[k])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
}
