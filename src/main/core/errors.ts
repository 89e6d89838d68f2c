// Runs in: main (Electron-free). Owns: AppError, the one error type services throw, mapped 1:1 to the envelope.
import type { AppErrorShape, ErrorCode } from '../../shared/contract/index.js';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { retryable?: boolean; fields?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      retryable: this.options.retryable ?? false,
      ...(this.options.fields ? { fields: this.options.fields } : {}),
    };
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
