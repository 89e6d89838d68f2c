// Runs in: renderer. Owns: the wizard's field-mapping step: the same grid as the Field mapping screen,
// prefilled from the platform's defaults for this store (or the saved mapping when editing).
import { Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useApi } from '../../../state/api-context';
import { useMapping } from '../../../state/mapping-store';
import { MappingGrid } from '../../mapping/MappingGrid';
import { MappingPreview } from '../../mapping/MappingPreview';
import type { WizardState } from './wizard-state';

export function StepMapping({ state }: { state: WizardState }) {
  const api = useApi();
  const load = useMapping((s) => s.load);
  useEffect(() => {
    if (state.connectionId) void load(api, state.connectionId, 'customer');
  }, [api, state.connectionId, load]);
  return (
    <Stack data-testid="wizard-mapping">
      <Text size="sm" c="dimmed">
        Which customer field fills which platform field. &quot;Next&quot; saves it; orders and templates are
        on the Field mapping screen.
      </Text>
      <MappingGrid />
      <MappingPreview />
    </Stack>
  );
}
