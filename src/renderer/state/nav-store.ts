// Runs in: renderer. Owns: which area of the console is open.
import { create } from 'zustand';

export const areas = [
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
  go(area: Area): void;
}

export const useNav = create<NavState>((set) => ({ area: 'stores', go: (area) => set({ area }) }));
