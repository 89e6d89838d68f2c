// Runs in: Node (simulators). Owns: Bloomreach's error bodies and the ids the platform hands out.
import { randomBytes } from 'node:crypto';
import type { SimResponse } from '../kit/index.js';

/** Auth and whole-request failures: `{"success": false, "error": "..."}`. */
export function authError(status: number, error: string): SimResponse {
  return { status, body: { success: false, error } };
}

/** Single-command failures (tracking routes): `{"success": false, "errors": ["..."]}`. */
export function commandError(status: number, ...errors: string[]): SimResponse {
  return { status, body: { success: false, errors } };
}

/** Whole-batch failures: `{"success": false, "message": "..."}`. */
export function batchError(message: string): SimResponse {
  return { status: 400, body: { success: false, message } };
}

export function ok(body: Record<string, unknown> = {}): SimResponse {
  return { status: 200, body: { success: true, ...body } };
}

export const notFoundUrl = (): SimResponse => authError(404, 'The requested URL was not found on the server');

export const customerNotFound = (): SimResponse => authError(404, 'Customer does not exist');

/** Bloomreach's internal ids look like Mongo ObjectIds (24 hex characters). */
export function internalId(): string {
  return randomBytes(12).toString('hex');
}

/** Every Bloomreach answer carries `x-request-id`. */
export function withRequestId(answer: SimResponse): SimResponse {
  return { ...answer, headers: { 'x-request-id': randomBytes(16).toString('hex'), ...answer.headers } };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
