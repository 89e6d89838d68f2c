// Runs in: main (Electron-free). Owns: running one Connectif contacts export to its end (create, poll until
// finished, download the signed file) for the opt-out pull and the field catalogue.
import type { Clock } from '../../core/clock.js';
import { CfCallError, enc, type CfClient } from './client.js';

export interface ExportWait {
  clock: Clock;
  signal: AbortSignal;
  /** Between status reads. */
  pollMs: number;
  /** Give up after this long. */
  maxWaitMs: number;
}

interface ExportRead {
  id?: string;
  status?: string;
  fileUrl?: string;
}

/** The CSV of every contact (v1 columns: system fields, then custom field ids). */
export async function exportContacts(c: CfClient, w: ExportWait): Promise<string> {
  const created = await c.call('POST', '/exports/', {
    exportType: 'contacts',
    delimiter: ',',
    dateFormat: 'ISO',
    filters: {},
  });
  const id = (created.body as ExportRead).id;
  if (!id) throw new CfCallError('server', 'Connectif created an export without an id');
  const until = w.clock.now() + w.maxWaitMs;
  for (;;) {
    const read = (await c.call('GET', `/exports/${enc(id)}`)).body as ExportRead;
    if (read.status === 'finished' && read.fileUrl) return download(read.fileUrl, w.signal);
    if (read.status === 'error' || read.status === 'cancelled')
      throw new CfCallError('server', `Connectif's contacts export ${id} ended as ${read.status}`);
    if (w.clock.now() > until)
      throw new CfCallError(
        'server',
        `Connectif's contacts export ${id} did not finish within ${w.maxWaitMs} ms`,
      );
    await sleep(w.pollMs, w.signal);
  }
}

/** The file URL is signed: it is fetched without the API key, as Connectif hands it out. */
async function download(url: string, signal: AbortSignal): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(120_000)]) });
  if (!res.ok) throw new CfCallError('server', `Connectif's export file answered ${res.status}`, res.status);
  return res.text();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const t = setTimeout(() => (signal.removeEventListener('abort', stop), resolve()), ms);
    const stop = (): void => (clearTimeout(t), reject(signal.reason as Error));
    signal.addEventListener('abort', stop, { once: true });
  });
}
