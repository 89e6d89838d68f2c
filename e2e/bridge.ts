// Runs in: Playwright. Owns: calling a channel from the test through the page's own session (a second
// WebSocket to the browser host), to set up what a spec is not about (an account, a connection) in one call.
import type { Page } from '@playwright/test';

export async function invoke<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([ch, body]) => {
      const url = new URL('/bridge', location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(url.toString());
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = () => reject(new Error('the bridge refused the test socket'));
      });
      const answer = await new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>(
        (resolve) => {
          ws.onmessage = (ev) => {
            const m = JSON.parse(String(ev.data)) as { type: string; id?: number; result?: never };
            if (m.type === 'result' && m.id === 1) resolve(m.result!);
          };
          ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: ch, input: body }));
        },
      );
      ws.close();
      return answer;
    },
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(`${channel} failed: ${result.error?.message}`);
  return result.value as T;
}
