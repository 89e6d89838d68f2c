// Runs in: Node (simulators). Owns: the web hosts the demo store really uses (its storefront, its image CDN),
// read from the BigCommerce simulator the way any client reads them, so the demo's platforms can allow them.

interface StoreAccess {
  apiBaseUrl: string;
  token: string;
}

async function read(store: StoreAccess, path: string): Promise<unknown> {
  const res = await fetch(store.apiBaseUrl + path, {
    headers: { 'x-auth-token': store.token, accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`demo hosts: GET ${path} answered ${res.status}`);
  return res.json();
}

const origin = (url: unknown): string[] => {
  if (typeof url !== 'string' || !url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
};

/** The storefront origin and every image origin of the store's first page of products. */
export async function storeHosts(store: StoreAccess): Promise<string[]> {
  const info = (await read(store, '/v2/store')) as { secure_url?: unknown };
  const page = (await read(store, '/v3/catalog/products?include=images&limit=250')) as {
    data?: Array<{ images?: Array<Record<string, unknown>> }>;
  };
  const images = (page.data ?? []).flatMap((p) =>
    (p.images ?? []).flatMap((i) => [i['url_standard'], i['url_thumbnail'], i['url_zoom']].flatMap(origin)),
  );
  return [...new Set([...origin(info.secure_url), ...images])];
}
