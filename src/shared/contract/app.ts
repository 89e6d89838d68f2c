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
  /** The route outbound calls take and the certificates they trust, as the user should read them. */
  network: z.object({ proxy: z.string(), trust: z.string() }).optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Which proxy and extra certificate authorities every outbound call uses. */
export const networkSettingsSchema = z
  .object({
    /** system: the environment (HTTPS_PROXY, NO_PROXY), as curl does; direct: never a proxy; manual: below. */
    proxy: z.enum(['system', 'direct', 'manual']),
    proxyUrl: z
      .string()
      .max(500)
      .regex(/^https?:\/\/[^\s]+$/, { message: 'A proxy URL such as http://proxy.example.com:3128' })
      .optional(),
    /** Hosts that bypass the proxy: comma-separated, as NO_PROXY. */
    noProxy: z.string().max(2000).optional(),
    /** A PEM file with extra certificate authorities (a TLS-inspecting proxy's root). */
    extraCaFile: z.string().max(1000).optional(),
  })
  .refine((n) => n.proxy !== 'manual' || Boolean(n.proxyUrl), {
    message: 'A manual proxy needs its URL',
    path: ['proxyUrl'],
  });
export type NetworkSettingsInput = z.infer<typeof networkSettingsSchema>;

/** How the console lives on the desktop; kept per machine (start at login is a machine's choice). */
export const desktopSettingsSchema = z.object({
  /** Closing the window keeps syncing from the tray. */
  backgroundMode: z.boolean(),
  /** Start with the OS session, hidden in the tray. */
  startAtLogin: z.boolean(),
  /** Desktop notifications for what needs a person (re-authentication, dead letters, offline, webhooks). */
  notifications: z.boolean(),
  /** Stores whose notifications are muted. */
  mutedStores: z.array(z.string().min(1).max(100)).max(1000),
  network: networkSettingsSchema,
});
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

/** Main asks the console to open a screen (a notification, tray item or storebridge:// link was clicked). */
export const navigateSchema = z.object({
  area: z.enum(['stores', 'connections', 'events']),
  storeId: z.string().optional(),
  connectionId: z.string().optional(),
  record: z.string().optional(),
});
export type Navigate = z.infer<typeof navigateSchema>;
