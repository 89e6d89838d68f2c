// Runs in: Node (simulators). Owns: the answers to failures the kit catches before a route runs, in the
// shape of the API the path belongs to (v2 envelope, v3 messages, or the HTML page a gateway serves).
import type { SimRequest, SimResponse, SimServerOptions } from '../kit/index.js';
import { notFound } from './v2/index.js';
import { fail } from './v2/reply.js';
import { v3Error } from './v3/reply.js';

const isV3 = (req: SimRequest) => req.path.startsWith('/v3/');

function htmlPage(status: number, title: string): SimResponse {
  return {
    status,
    headers: { 'content-type': 'text/html' },
    rawBody: `<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center></body></html>`,
  };
}

const titles: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

export const salesmanagoErrors: SimServerOptions['errors'] = {
  notFound: (req) => (isV3(req) ? v3Error(404, `Not found: ${req.path}`) : notFound(req.path)),
  methodNotAllowed: (req) =>
    isV3(req)
      ? v3Error(405, `Request method '${req.method}' not supported`)
      : { ...fail(`Request method '${req.method}' not supported`), status: 405 },
  badJson: (req) =>
    isV3(req)
      ? v3Error(400, 'Malformed JSON request body')
      : { ...fail('Malformed JSON request body'), status: 400 },
  tooLarge: () => htmlPage(413, 'Request Entity Too Large'),
  serverError: (status) => htmlPage(status, titles[status] ?? 'Error'),
};
