// Runs in: renderer. Owns: handing the Api to components and stores, and unwrapping result envelopes.
import { createContext, useContext } from 'react';
import type { Api } from '../../shared/contract/api';
import type { AppErrorShape, Result } from '../../shared/contract/index';

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiContext.Provider>');
  return api;
}

/** An error from main that keeps its code and field messages for forms. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}
