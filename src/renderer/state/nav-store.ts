// Runs in: renderer. Owns: which area of the console is open, and what main asked it to show there
// (a notification, the tray or a storebridge:// link: `focus`, read once by the area it names).
import { create } from 'zustand';
import type { Navigate } from '../../shared/contract/app';

export const areas = [
  'dashboard',
  'stores',
  'connections',
  'mapping',
  'consent',
  'privacy',
  'export',
  'events',
  'diagnostics',
] as const;
export type Area = (typeof areas)[number];

interface NavState {
  area: Area;
  /** True once an area was chosen (by the user or on first load), so later loads never move them. */
  chosen: boolean;
  /** A screen main asked for; the area it names reads it and clears it. */
  focus: Navigate | null;
  go(area: Area): void;
  navigate(to: Navigate): void;
  clearFocus(): void;
  /** Opens the dashboard on first load when the workspace already has stores. */
  start(hasStores: boolean): void;
}

// A new workspace opens on Stores (the first thing to do); one with stores opens on the dashboard.
export const useNav = create<NavState>((set, get) => ({
  area: 'stores',
  chosen: false,
  focus: null,
  go: (area) => set({ area, chosen: true }),
  navigate: (to) => set({ area: to.area, chosen: true, focus: to }),
  clearFocus: () => set({ focus: null }),
  start: (hasStores) => {
    if (get().chosen) return;
    set({ chosen: true, ...(hasStores ? { area: 'dashboard' as const } : {}) });
  },
}));
