// Runs in: main (Electron-free). Owns: the `storebridge://` URL grammar: building links (notifications, tray)
// and parsing what the OS hands a launch, refusing anything that is not exactly one of the known screens.
export const DEEP_LINK_SCHEME = 'storebridge';

export type DeepLinkTarget =
  | { screen: 'store'; storeId: string }
  | { screen: 'connection'; connectionId: string }
  | { screen: 'events'; record: string };

export type DeepLinkResult = { ok: true; target: DeepLinkTarget } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A record reference as the event log writes it (`customers:123`, `orders:store-1:42`): no slashes, no spaces. */
const RECORD = /^[A-Za-z0-9][A-Za-z0-9:_.-]{0,199}$/;
// A link arrives from any web page or document the user clicks; anything long is not one of ours.
const MAX_LENGTH = 512;

export function deepLinkFor(target: DeepLinkTarget): string {
  switch (target.screen) {
    case 'store':
      return `${DEEP_LINK_SCHEME}://stores/${target.storeId}`;
    case 'connection':
      return `${DEEP_LINK_SCHEME}://connections/${target.connectionId}`;
    case 'events':
      return `${DEEP_LINK_SCHEME}://events?record=${encodeURIComponent(target.record)}`;
  }
}

export function parseDeepLink(raw: string): DeepLinkResult {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH) return no('the link is empty or too long');
  // URL parsing collapses dot segments (even encoded ones) before we could see them: judge the raw text.
  if (/\.\.|%2e|%2f|%5c|\\/i.test(raw.split('?')[0] ?? ''))
    return no('a link has no dot segments or encoded slashes');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return no('not a URL');
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return no(`only ${DEEP_LINK_SCHEME}:// links are handled`);
  if (url.username || url.password || url.port) return no('a link carries no credentials or port');
  if (url.hash) return no('a link has no #fragment');
  // Non-special schemes keep the first segment as the host: storebridge://stores/<id> -> host "stores".
  const section = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').slice(1);
  const params = [...url.searchParams.keys()];

  if (section === 'stores' || section === 'connections') {
    if (params.length > 0 || url.search) return no(`${section} links take no query`);
    const [id, ...rest] = segments;
    if (segments.length !== 1 || rest.length > 0 || !id || !UUID.test(id)) {
      return no(`expected ${DEEP_LINK_SCHEME}://${section}/<uuid>`);
    }
    const lower = id.toLowerCase();
    return section === 'stores'
      ? { ok: true, target: { screen: 'store', storeId: lower } }
      : { ok: true, target: { screen: 'connection', connectionId: lower } };
  }
  if (section === 'events') {
    if (url.pathname !== '' && url.pathname !== '/') return no('events links have no path');
    if (params.length !== 1 || params[0] !== 'record') return no('events links take exactly ?record=<ref>');
    const record = url.searchParams.get('record') ?? '';
    if (!RECORD.test(record)) return no('the record reference has characters a record id never has');
    return { ok: true, target: { screen: 'events', record } };
  }
  return no(`unknown screen "${section}"`);
}

/** The renderer route a target opens (hash-free path the renderer's navigation understands). */
export function routeFor(target: DeepLinkTarget): string {
  switch (target.screen) {
    case 'store':
      return `/stores/${target.storeId}`;
    case 'connection':
      return `/connections/${target.connectionId}`;
    case 'events':
      return `/events?record=${encodeURIComponent(target.record)}`;
  }
}

function no(reason: string): DeepLinkResult {
  return { ok: false, reason };
}
