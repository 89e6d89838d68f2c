// Runs in: renderer. Owns: which area of the console is open.
import { create } from 'zustand';

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
  go(area: Area): void;
  /** Opens the dashboard on first load when the workspace already has stores. */
  start(hasStores: boolean): void;
}

// A new workspace opens on Stores (the first thing to do); one with stores opens on the dashboard.
export const useNav = create<NavState>((set, get) => ({
  area: 'stores',
  chosen: false,
  go: (area) => set({ area, chosen: true }),
  start: (hasStores) => {
    if (get().chosen) return;
    set({ chosen: true, ...(hasStores ? { area: 'dashboard' as const } : {}) });
  },
}));
