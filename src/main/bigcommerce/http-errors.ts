// Runs in: main (Electron-free). Owns: turning a BigCommerce error answer into an AppError that names the
// store, the request and what to do. v2 errors are arrays of {status,message}; v3 errors are one object.
import { AppError } from '../core/errors.js';
import { scopeFix, scopeForPath } from './scopes.js';

export function errorDetail(body: unknown): string {
  if (Array.isArray(body)) {
    return body
      .map((e) => (e && typeof e === 'object' && 'message' in e ? String(e.message) : JSON.stringify(e)))
      .join('; ');
  }
  if (body && typeof body === 'object') {
    const b = body as { title?: unknown; errors?: unknown };
    const extra =
      b.errors && typeof b.errors === 'object' && Object.keys(b.errors).length > 0
        ? ` ${JSON.stringify(b.errors)}`
        : '';
    if (typeof b.title === 'string') return b.title + extra;
  }
  return typeof body === 'string' ? body.slice(0, 300) : '';
}

export function httpError(
  status: number,
  body: unknown,
  req: { method: string; path: string; store: string },
): AppError {
  const what = `${req.method} ${req.path}`;
  const detail = errorDetail(body);
  const suffix = detail ? ` (${detail})` : '';
  if (status === 401) {
    return new AppError(
      'unauthorized',
      `BigCommerce rejected the access token of store ${req.store}${suffix}. The token is wrong or its API ` +
        `account was deleted: enter a valid access token for this store.`,
    );
  }
  if (status === 403) {
    const scope = scopeForPath(req.path);
    const write = req.method !== 'GET';
    const msg = scope
      ? `The API account of store ${req.store} lacks the ${scope.label} scope (${scope.scope}) needed for ` +
        `${what}. ${scopeFix(scope, write)}`
      : `BigCommerce refused ${what} for store ${req.store}${suffix}: check the store hash and the API account's scopes.`;
    return new AppError('forbidden', msg, { fields: scope ? { scope: scope.scope } : undefined });
  }
  if (status === 404)
    return new AppError('not_found', `BigCommerce has no ${what} in store ${req.store}${suffix}.`);
  if (status === 429) {
    return new AppError('rate_limited', `Store ${req.store} kept answering 429 to ${what}.`, {
      retryable: true,
    });
  }
  if (status >= 500) {
    return new AppError(
      'upstream',
      `BigCommerce answered ${status} to ${what} for store ${req.store}${suffix}.`,
      {
        retryable: true,
      },
    );
  }
  return new AppError(
    'invalid_input',
    `BigCommerce answered ${status} to ${what} for store ${req.store}${suffix}.`,
  );
}
