// Runs in: renderer. Owns: the connection wizard's draft, kept in localStorage so a setup closed halfway
// resumes where it stopped. Secrets never enter it: credentials are stripped before anything is written.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { initialWizard, type StepId, type WizardState } from '../areas/connections/wizard/wizard-state';

/** 'run' is the last screen: the first sync's progress and the "verify the setup" checklist. */
export type WizardStep = StepId | 'run';

interface DraftState {
  /** A setup is under way (open, or closed halfway and resumable). */
  active: boolean;
  /** The modal is showing; not persisted, so a reload shows the resume banner instead. */
  opened: boolean;
  step: WizardStep;
  state: WizardState;
  start(patch?: Partial<WizardState>, step?: WizardStep): void;
  resume(): void;
  close(): void;
  discard(): void;
  set(patch: Partial<WizardState>): void;
  go(step: WizardStep): void;
}

export const DRAFT_KEY = 'storebridge.wizard-draft';

/** What reaches localStorage: the choices so far, never the typed credentials. */
type Persisted = Pick<DraftState, 'active' | 'step' | 'state'>;
export function persistedDraft(s: Persisted): Persisted {
  return { active: s.active, step: s.step, state: { ...s.state, credentials: {} } };
}

export const useWizardDraft = create<DraftState>()(
  persist<DraftState, [], [], Persisted>(
    (set, get) => ({
      active: false,
      opened: false,
      step: 'store',
      state: initialWizard,
      start(patch = {}, step = 'store') {
        set({ active: true, opened: true, step, state: { ...initialWizard, ...patch } });
      },
      resume() {
        // A run cut short by a reload has no answer to wait for: back to its choices, to run it again.
        set({ opened: true, ...(get().step === 'run' ? { step: 'firstSync' as const } : {}) });
      },
      close() {
        set({ opened: false });
      },
      discard() {
        set({ active: false, opened: false, step: 'store', state: initialWizard });
      },
      set(patch) {
        set({ state: { ...get().state, ...patch } });
      },
      go(step) {
        set({ step });
      },
    }),
    {
      name: DRAFT_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: persistedDraft,
    },
  ),
);
