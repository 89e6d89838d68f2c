// Runs in: main (Electron-free). Owns: the tray menu as plain data (status per store, pause all, sync now,
// open, quit); the shell turns it into an Electron Menu and routes clicks back as actions.
import { deepLinkFor } from './deep-link.js';

export type StoreState = 'attention' | 'offline' | 'syncing' | 'paused' | 'ok';

export interface TrayStore {
  id: string;
  name: string;
  state: StoreState;
  /** Short reason shown after the name ("sign in again", "12 dead letters"). */
  detail?: string;
}

export interface TrayState {
  stores: TrayStore[];
  allPaused: boolean;
  quitting: boolean;
  /** Menus longer than a screen are useless: the rest is one "more" item. */
  maxStores?: number;
}

export type TrayAction =
  | { type: 'open' }
  | { type: 'open-link'; link: string }
  | { type: 'pause-all' }
  | { type: 'resume-all' }
  | { type: 'sync-now' }
  | { type: 'quit' };

export type TrayItem =
  | { kind: 'label'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; id: string; label: string; action: TrayAction; enabled: boolean };

export interface TrayMenu {
  tooltip: string;
  items: TrayItem[];
}

const ORDER: StoreState[] = ['attention', 'offline', 'syncing', 'paused', 'ok'];
const MARK: Record<StoreState, string> = {
  attention: '⚠',
  offline: '⛔',
  syncing: '⟳',
  paused: '⏸',
  ok: '✓',
};

export function trayMenu(s: TrayState): TrayMenu {
  const max = s.maxStores ?? 10;
  const count = (st: StoreState) => s.stores.filter((x) => x.state === st).length;
  const needs = count('attention') + count('offline');
  const summary = s.quitting
    ? 'Finishing deliveries before quitting…'
    : s.allPaused
      ? `Paused: ${plural(s.stores.length, 'store')}`
      : `${plural(s.stores.length, 'store')}${count('syncing') ? `, ${count('syncing')} syncing` : ''}${needs ? `, ${needs} need${needs === 1 ? 's' : ''} attention` : ''}`;

  const sorted = [...s.stores].sort(
    (a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.name.localeCompare(b.name),
  );
  const shown = sorted.length > max ? sorted.slice(0, max - 1) : sorted;
  const enabled = !s.quitting;
  const items: TrayItem[] = [{ kind: 'label', label: summary }, { kind: 'separator' }];
  for (const st of shown) {
    items.push({
      kind: 'action',
      id: `store:${st.id}`,
      label: `${MARK[st.state]} ${st.name}${st.detail ? ` — ${st.detail}` : ''}`,
      action: { type: 'open-link', link: deepLinkFor({ screen: 'store', storeId: st.id }) },
      enabled,
    });
  }
  if (shown.length < sorted.length) {
    items.push({
      kind: 'action',
      id: 'more',
      label: `${sorted.length - shown.length} more stores…`,
      action: { type: 'open' },
      enabled,
    });
  }
  if (s.stores.length) items.push({ kind: 'separator' });
  items.push(
    s.allPaused
      ? { kind: 'action', id: 'resume-all', label: 'Resume all', action: { type: 'resume-all' }, enabled }
      : { kind: 'action', id: 'pause-all', label: 'Pause all', action: { type: 'pause-all' }, enabled },
    {
      kind: 'action',
      id: 'sync-now',
      label: 'Sync now',
      action: { type: 'sync-now' },
      enabled: enabled && !s.allPaused,
    },
    { kind: 'separator' },
    { kind: 'action', id: 'open', label: 'Open Storebridge', action: { type: 'open' }, enabled: true },
    { kind: 'action', id: 'quit', label: 'Quit', action: { type: 'quit' }, enabled },
  );
  return { tooltip: `Storebridge: ${summary}`, items };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
