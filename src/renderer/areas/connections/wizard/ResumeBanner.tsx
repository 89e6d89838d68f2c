// Runs in: renderer. Owns: the banner that offers to resume a connection setup closed halfway (or discard it).
import { Alert, Button, Group, Text } from '@mantine/core';
import { useStores } from '../../../state/stores-store';
import { useWizardDraft } from '../../../state/wizard-draft-store';
import { platformLabel, useWorkspace } from '../../../state/workspace-store';
import { stepLabels } from './wizard-state';

export function ResumeBanner() {
  const { step, state, resume, discard } = useWizardDraft();
  const stores = useStores((s) => s.stores);
  const platforms = useWorkspace((s) => s.platforms);
  const store = stores.find((s) => s.id === state.storeId)?.name ?? 'a store';
  const where = step === 'run' ? 'the first sync' : stepLabels[step];
  const to = state.platform ? ` → ${platformLabel(platforms, state.platform)}` : '';
  return (
    <Alert color="blue" title="A setup is waiting" data-testid="wizard-resume-banner">
      <Group justify="space-between">
        <Text size="sm">
          {state.editing ? 'Editing' : 'Connecting'} {store}
          {to} stopped at {where}.
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={discard} data-testid="wizard-discard">
            Discard
          </Button>
          <Button size="xs" onClick={resume} data-testid="wizard-resume">
            Resume
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
