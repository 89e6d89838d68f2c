// Runs in: Electron main. Owns: the tray icon and its menu, built from the plain model in
// src/main/desktop/tray-menu.ts; clicks come back as TrayActions.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { trayMenu, type TrayAction, type TrayItem, type TrayState } from '../desktop/tray-menu.js';

export interface TrayDeps {
  Tray: new (
    image: NativeImage | string,
  ) => Pick<Tray, 'setToolTip' | 'setContextMenu' | 'setImage' | 'on' | 'destroy'>;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
  icon: NativeImage | string;
}

export function toTemplate(
  items: TrayItem[],
  onAction: (a: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.kind === 'separator') return { type: 'separator' };
    if (item.kind === 'label') return { label: item.label, enabled: false };
    return { id: item.id, label: item.label, enabled: item.enabled, click: () => onAction(item.action) };
  });
}

/** Creates the tray; call `update(state)` whenever store states change (cheap: menus are small). */
export function createTray(deps: TrayDeps, onAction: (a: TrayAction) => void) {
  const tray = new deps.Tray(deps.icon);
  // Windows and most Linux trays open the window on a plain click; macOS shows the menu.
  tray.on('click', () => onAction({ type: 'open' }));
  return {
    update(state: TrayState): void {
      const model = trayMenu(state);
      tray.setToolTip(model.tooltip);
      tray.setContextMenu(deps.Menu.buildFromTemplate(toTemplate(model.items, onAction)));
    },
    /** The icon's tint follows the worst store state. */
    setImage(image: NativeImage | string): void {
      tray.setImage(image);
    },
    dispose(): void {
      tray.destroy();
    },
  };
}
