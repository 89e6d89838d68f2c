// Runs in: renderer. Owns: what the connection wizard has chosen so far, step by step.
export interface WizardState {
  storeId: string | null;
  platform: string | null;
  accountMode: 'existing' | 'new';
  accountId: string | null;
  accountName: string;
  credentials: Record<string, unknown>;
  connectionName: string;
  settings: Record<string, unknown>;
  continuous: boolean;
  connectionId: string | null;
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
  historical: true,
  from: '',
  to: '',
};
