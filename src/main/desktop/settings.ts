// Runs in: main (Electron-free). Owns: the desktop settings file (background mode, start at login,
// notifications, muted stores) in the workspace folder, validated on read and write, and change listeners.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { desktopSettingsSchema, type DesktopSettings } from '../../shared/contract/app.js';

export const DESKTOP_SETTINGS_FILE = 'desktop-settings.json';

export const defaultDesktopSettings: DesktopSettings = {
  // A sync console that stops when its window closes surprises agencies more than one that keeps going.
  backgroundMode: true,
  startAtLogin: false,
  notifications: true,
  mutedStores: [],
  network: { proxy: 'system' },
};

export class DesktopSettingsStore {
  private readonly file: string;
  private current: DesktopSettings;
  private readonly listeners = new Set<(s: DesktopSettings) => void>();

  constructor(dir: string) {
    this.file = join(dir, DESKTOP_SETTINGS_FILE);
    this.current = this.load();
  }

  get(): DesktopSettings {
    return { ...this.current, mutedStores: [...this.current.mutedStores] };
  }

  save(patch: Partial<DesktopSettings>): DesktopSettings {
    const next = desktopSettingsSchema.parse({ ...this.current, ...patch });
    next.mutedStores = [...new Set(next.mutedStores)];
    // Write then rename: a crash mid-write leaves the old file, never half a file.
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2) + '\n');
    renameSync(tmp, this.file);
    this.current = next;
    for (const l of this.listeners) l(this.get());
    return this.get();
  }

  onChange(listener: (s: DesktopSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A missing file is the defaults; an unreadable or invalid one too, keeping whatever fields still fit. */
  private load(): DesktopSettings {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return { ...defaultDesktopSettings };
    }
    const merged = { ...defaultDesktopSettings };
    if (raw && typeof raw === 'object') {
      for (const key of Object.keys(defaultDesktopSettings) as (keyof DesktopSettings)[]) {
        const field = desktopSettingsSchema.shape[key].safeParse((raw as Record<string, unknown>)[key]);
        if (field.success) (merged as Record<string, unknown>)[key] = field.data;
      }
    }
    return merged;
  }
}
