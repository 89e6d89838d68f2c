// Runs in: Node (simulators). Owns: the two error body shapes (v3 problem object, v2 bare array).
import type { SimResponse } from '../kit/index.js';

export const STATUS_DOC = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export function v3Error(status: number, title: string, errors?: Record<string, string>): SimResponse {
  return { status, body: { status, title, type: STATUS_DOC, ...(errors ? { errors } : {}) } };
}

export function v2Error(status: number, message: string): SimResponse {
  return { status, body: [{ status, message }] };
}

/** Picks the shape by API version, from the request path. */
export function errorFor(path: string, status: number, message: string): SimResponse {
  return /\/v2\//.test(path) ? v2Error(status, message) : v3Error(status, message);
}

export const MISSING_SCOPE =
  'Missing scope - the v3 Auth token is valid but does not have proper permissions to access this endpoint.';
export const NOT_FOUND_V2 = 'The requested resource was not found.';
