// Runs in: main (Electron-free). Owns: the desktop settings channels. The Electron shell applies what
// changes (login item, mutes) by listening to the store; other hosts keep the file for when Electron runs.
import type { DesktopSettingsStore } from '../desktop/settings.js';
import type { Handlers } from './dispatch.js';

export type DesktopChannels = 'desktop:settings' | 'desktop:saveSettings';

export function createDesktopHandlers(settings: DesktopSettingsStore): Pick<Handlers, DesktopChannels> {
  return {
    'desktop:settings': () => settings.get(),
    'desktop:saveSettings': (patch) => settings.save(patch),
  };
}
