// Runs everywhere. Owns: what the console knows about itself (version, workspace, keychain state).
import { z } from 'zod';

export const keychainStatusSchema = z.object({
  available: z.boolean(),
  /** e.g. "Secret Service (libsecret)", "macOS Keychain", "Windows Credential Manager". */
  backend: z.string(),
  /** When unavailable: what the user can do about it. */
  message: z.string().optional(),
});
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  workspaceDir: z.string(),
  host: z.enum(['electron', 'browser', 'cli', 'test']),
  keychain: keychainStatusSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;
