// Runs in: renderer. Owns: what the connection wizard has chosen so far, and which steps a platform needs.
export interface WizardState {
  storeId: string | null;
  platform: string | null;
  accountMode: 'existing' | 'new';
  accountId: string | null;
  accountName: string;
  /** Typed secrets; they go to main on the credentials step, are cleared then, and are never persisted. */
  credentials: Record<string, unknown>;
  connectionName: string;
  settings: Record<string, unknown>;
  continuous: boolean;
  connectionId: string | null;
  /** An existing connection opened for editing: store, platform and account stay as they are. */
  editing: boolean;
  /** Continue although some verification items failed (those resources stay unsynced). */
  verifyAnyway: boolean;
  historical: boolean;
  from: string;
  to: string;
}

export const initialWizard: WizardState = {
  storeId: null,
  platform: null,
  accountMode: 'new',
  accountId: null,
  accountName: '',
  credentials: {},
  connectionName: '',
  settings: {},
  continuous: true,
  connectionId: null,
  editing: false,
  verifyAnyway: false,
  historical: true,
  from: '',
  to: '',
};

export type StepId =
  'store' | 'platform' | 'credentials' | 'verify' | 'settings' | 'mapping' | 'consent' | 'firstSync';

export const stepLabels: Record<StepId, string> = {
  store: 'Store',
  platform: 'Platform',
  credentials: 'Credentials',
  verify: 'Verify',
  settings: 'Settings',
  mapping: 'Field mapping',
  consent: 'Consent',
  firstSync: 'First sync',
};

const all: StepId[] = [
  'store',
  'platform',
  'credentials',
  'verify',
  'settings',
  'mapping',
  'consent',
  'firstSync',
];

/** Files take records as they are and create no contacts: no mapping, no consent preview. */
export function stepsFor(platform: string | null): StepId[] {
  return platform === 'file' ? all.filter((s) => s !== 'mapping' && s !== 'consent') : all;
}

/** Steps an edit may revisit: what names the connection (store, platform, account) is fixed once it exists. */
export function lockedStep(s: WizardState, id: StepId): boolean {
  return s.connectionId !== null && (id === 'store' || id === 'platform' || id === 'credentials');
}
