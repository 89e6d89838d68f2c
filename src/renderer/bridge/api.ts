// Runs in: renderer. Owns: choosing the transport under the Api: the preload's `window.api` in Electron, or
// the browser host's WebSocket bridge when the page is served to a plain browser.
import type { Api } from '../../shared/contract/api';
import { buildApi } from '../../shared/contract/build-api';
import { connectWebSocketTransport } from './ws-transport';

declare global {
  interface Window {
    api?: Api;
  }
}

export async function connectApi(): Promise<Api> {
  if (window.api) return window.api;
  const url = new URL('/bridge', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return buildApi(await connectWebSocketTransport(url.toString()));
}
