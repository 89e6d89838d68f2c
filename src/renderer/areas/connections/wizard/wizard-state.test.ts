// Runs in: vitest. Owns: which steps a platform's wizard has, and that a saved draft never holds secrets.
import { describe, expect, it } from 'vitest';
import { persistedDraft } from '../../../state/wizard-draft-store';
import { initialWizard, lockedStep, stepsFor } from './wizard-state';

describe('wizard steps', () => {
  it('walks every step for a platform, and skips mapping and consent for files', () => {
    expect(stepsFor('activecampaign')).toEqual([
      'store',
      'platform',
      'credentials',
      'verify',
      'settings',
      'mapping',
      'consent',
      'firstSync',
    ]);
    expect(stepsFor('file')).not.toContain('mapping');
    expect(stepsFor('file')).not.toContain('consent');
  });
  it('locks what names a connection once it exists', () => {
    const s = { ...initialWizard, connectionId: 'c1' };
    expect(lockedStep(s, 'credentials')).toBe(true);
    expect(lockedStep(s, 'mapping')).toBe(false);
    expect(lockedStep(initialWizard, 'store')).toBe(false);
  });
});

it('a persisted draft keeps the choices and drops the credentials', () => {
  const state = {
    ...initialWizard,
    storeId: 's1',
    accountName: 'AC',
    credentials: { apiKey: 'canary-secret-123' },
  };
  const saved = JSON.stringify(persistedDraft({ active: true, step: 'credentials', state }));
  expect(saved).not.toContain('canary-secret-123');
  expect(JSON.parse(saved)).toMatchObject({
    step: 'credentials',
    state: { storeId: 's1', accountName: 'AC' },
  });
});
