// Runs in: Node (simulators). Owns: the downloadable files jobs produce (import error reports, export
// files), served like signed storage URLs: no API key, a token in the path, an optional expiry.
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { randomBytes } from 'node:crypto';

interface StoredFile {
  name: string;
  content: string;
  expiresAt?: number;
}

export class FileStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly now: () => number) {}

  /** Returns the token naming the file in `/files/{token}`. */
  put(name: string, content: string, ttlMs?: number): string {
    const token = randomBytes(16).toString('hex');
    this.files.set(token, { name, content, expiresAt: ttlMs === undefined ? undefined : this.now() + ttlMs });
    return token;
  }

  get(token: string): StoredFile | undefined {
    return this.files.get(token);
  }

  clear(): void {
    this.files.clear();
  }
}

export const fileUrl = (req: SimRequest, token: string): string =>
  `http://${req.headers.host ?? '127.0.0.1'}/files/${token}`;

export function addFileRoutes(router: Router, files: FileStore, now: () => number): void {
  router.get('/files/:token', (req): SimResponse => {
    const f = files.get(req.params['token'] ?? '');
    // Storage services answer an expired or unknown signed URL with a bare 403/404, not an API error.
    if (!f) return { status: 404, rawBody: 'Not Found', headers: { 'content-type': 'text/plain' } };
    if (f.expiresAt !== undefined && now() > f.expiresAt)
      return { status: 403, rawBody: 'Request has expired', headers: { 'content-type': 'text/plain' } };
    return {
      status: 200,
      rawBody: f.content,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${f.name}"`,
      },
    };
  });
}
