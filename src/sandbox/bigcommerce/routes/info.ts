// Runs in: Node (simulators). Owns: v3 /channels, v2 /currencies, v2 /store and v2 /time.
import { type Api } from '../api.js';
import { NOT_FOUND_V2, v2Error, v3Error } from '../errors.js';
import { stringList } from '../filters.js';
import { v2List, v3List } from '../query.js';
import { renderChannel, renderCurrency, renderStoreInfo } from '../render/misc.js';

export function infoRoutes(api: Api): void {
  api.route('GET', '/v3/channels', 'store_channel_settings', ({ store, q }) => {
    const types = stringList(q, 'type:in');
    const statuses = stringList(q, 'status:in');
    const platforms = stringList(q, 'platform:in');
    const ids = [...store.channels.ids()].filter((id) => {
      const c = store.channels.get(id)!;
      return (
        (!types || types.includes(c.type)) &&
        (!statuses || statuses.includes(c.status)) &&
        (!platforms || platforms.includes(c.platform))
      );
    });
    return v3List(ids, q, (id) => renderChannel(store.channels.get(id)!));
  });
  api.route('GET', '/v3/channels/:id', 'store_channel_settings', ({ store, req }) => {
    const c = store.channels.get(Number(req.params['id']));
    return c
      ? { status: 200, body: { data: renderChannel(c), meta: {} } }
      : v3Error(404, 'Channel not found');
  });
  api.route('GET', '/v2/currencies', 'store_v2_information', ({ store, q }) =>
    v2List([...store.currencies.ids()], q, (id) => renderCurrency(store.currencies.get(id)!)),
  );
  api.route('GET', '/v2/currencies/:id', 'store_v2_information', ({ store, req }) => {
    const c = store.currencies.get(Number(req.params['id']));
    return c ? { status: 200, body: renderCurrency(c) } : v2Error(404, NOT_FOUND_V2);
  });
  api.route('GET', '/v2/store', 'store_v2_information', ({ store }) => ({
    status: 200,
    body: renderStoreInfo(store),
  }));
  api.route('GET', '/v2/time', 'store_v2_information', ({ store }) => ({
    status: 200,
    body: { time: Math.floor(store.now() / 1000) },
  }));
}
