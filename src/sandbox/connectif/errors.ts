// Runs in: Node (simulators). Owns: Connectif's HttpError envelope `{status, title, detail, code?, ...extra}`,
// used on every 4xx/5xx the simulator answers.
import type { SimResponse } from '../kit/index.js';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function httpError(
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): SimResponse {
  return {
    status,
    headers,
    body: { status, title: titles[status] ?? 'Error', detail, ...extra },
  };
}

/** The documented custom codes are only ever sent with a 400. */
export function coded(code: string, detail: string, extra: Record<string, unknown> = {}): SimResponse {
  return httpError(400, detail, { code, ...extra });
}

/** 422 HttpUnprocessableEntityError; all problems found are listed in `detail` so one round trip shows them. */
export function unprocessable(problems: string[]): SimResponse {
  return httpError(422, problems.join('; '));
}

export const permissionDenied = (): SimResponse =>
  httpError(403, 'Permission not granted to the API Key or account has been blocked');

export const notFound = (what: string): SimResponse => httpError(404, `${what} not found`);
