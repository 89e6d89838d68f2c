// Runs in: renderer. Owns: the Field mapping screen: pick a connection and a record type, edit the grid,
// preview five real records, save, and work with templates.
import {
  Alert,
  Button,
  EmptyState,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useApi } from '../../state/api-context';
import { useMapping } from '../../state/mapping-store';
import { NoStoreYet } from '../../ui/NoStoreYet';
import { useNav } from '../../state/nav-store';
import { useStores } from '../../state/stores-store';
import { platformLabel, useWorkspace } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';
import { MappingGrid } from './MappingGrid';
import { MappingPreview } from './MappingPreview';
import type { Entity } from './mapping-model';
import { TemplatesPanel } from './TemplatesPanel';

export function MappingPage() {
  const hasStores = useStores((s) => s.stores.length > 0);
  const api = useApi();
  const go = useNav((s) => s.go);
  const stores = useStores((s) => s.stores);
  const { connections, platforms } = useWorkspace();
  const { connectionId, entity, load, save, dirty, issues } = useMapping();
  const [picked, setPicked] = useState<string | null>(connectionId);
  const [kind, setKind] = useState<Entity>(entity);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const describe = (id: string) => {
    const c = connections.find((x) => x.id === id);
    if (!c) return id;
    const store = stores.find((s) => s.id === c.storeId)?.name ?? c.storeId;
    return `${store} → ${platformLabel(platforms, c.platform)} (${c.name})`;
  };
  const options = connections.map((c) => ({ value: c.id, label: describe(c.id) }));

  useEffect(() => {
    if (picked) void load(api, picked, kind);
  }, [api, picked, kind, load]);

  const onSave = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const warnings = await save(api);
      notifications.show({
        color: 'green',
        title: `Mapping saved: ${describe(picked!)}`,
        message: warnings.length ? `${warnings.length} warning(s) to review` : 'No warnings',
      });
    } catch (err) {
      setSaveError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  if (!hasStores)
    return (
      <NoStoreYet
        testId="area-mapping"
        title="Field mapping"
        icon={<IconArrowsExchange size={28} aria-hidden />}
        purpose="Here each BigCommerce field, custom form fields included, is mapped to a platform field."
      />
    );
  if (connections.length === 0)
    return (
      <Stack data-testid="area-mapping">
        <Title order={2}>Field mapping</Title>
        <EmptyState
          icon={<IconArrowsExchange size={28} aria-hidden />}
          title="No connection to map yet"
          description="Connect a store to a platform first; its fields are mapped here."
        >
          <EmptyState.Actions>
            <Button onClick={() => go('connections')}>Open Connections</Button>
          </EmptyState.Actions>
        </EmptyState>
      </Stack>
    );

  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <Stack data-testid="area-mapping">
      <Group justify="space-between">
        <Title order={2}>Field mapping</Title>
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={() => void onSave()}
          loading={saving}
          disabled={!picked}
          data-testid="mapping-save"
        >
          Save mapping{dirty ? ' *' : ''}
        </Button>
      </Group>
      <Group align="flex-end">
        <Select
          label="Connection"
          placeholder="Choose a connection"
          data={options}
          value={picked}
          onChange={(v) => v && setPicked(v)}
          allowDeselect={false}
          searchable
          data-testid="mapping-connection"
          style={{ flex: 1 }}
        />
        <SegmentedControl
          aria-label="Record type"
          data={[
            { value: 'customer', label: 'Customers' },
            { value: 'order', label: 'Orders' },
          ]}
          value={kind}
          onChange={(v) => setKind(v as Entity)}
          data-testid="mapping-entity"
        />
      </Group>
      {saveError && (
        <Alert
          color="red"
          title={`Not saved: ${picked ? describe(picked) : ''}`}
          data-testid="mapping-save-error"
        >
          {saveError}
        </Alert>
      )}
      {picked ? (
        <>
          {errors > 0 && (
            <Text size="sm" c="red">
              {errors} error(s) to fix before saving.
            </Text>
          )}
          <MappingGrid />
          <MappingPreview />
          <TemplatesPanel describe={describe} others={options} />
        </>
      ) : (
        <Text c="dimmed">Choose a connection to see its fields.</Text>
      )}
    </Stack>
  );
}
