// Runs in: renderer. Owns: the choices of an archival export: files (store, folder, format) or connected
// platforms, which resources, and an optional date range.
import {
  Checkbox,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useStores } from '../../state/stores-store';
import { platformLabel, useWorkspace } from '../../state/workspace-store';

export const resources = ['customers', 'subscribers', 'orders', 'products', 'carts'] as const;
export type Resource = (typeof resources)[number];

export interface ExportChoices {
  destination: 'files' | 'connections';
  storeId: string | null;
  directory: string;
  format: 'ndjson' | 'csv';
  connectionIds: string[];
  resources: Resource[];
  from: string;
  to: string;
}

export function ExportForm({ v, set }: { v: ExportChoices; set: (p: Partial<ExportChoices>) => void }) {
  const stores = useStores((s) => s.stores);
  const { connections, platforms } = useWorkspace();
  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? id;
  return (
    <Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="export-destination-label">
          Export to
        </Text>
        <SegmentedControl
          aria-labelledby="export-destination-label"
          data={[
            { value: 'files', label: 'Files on this computer' },
            { value: 'connections', label: 'Connected platforms' },
          ]}
          value={v.destination}
          onChange={(d) => set({ destination: d as ExportChoices['destination'] })}
          data-testid="export-destination"
        />
      </Stack>
      {v.destination === 'files' ? (
        <>
          <Select
            label="Store"
            data={stores.map((s) => ({ value: s.id, label: `${s.name} (${s.storeHash})` }))}
            value={v.storeId}
            onChange={(storeId) => set({ storeId })}
            data-testid="export-store"
            required
          />
          <TextInput
            label="Folder"
            description="A full path on this computer; it is created if missing"
            placeholder="/home/me/exports/acme"
            value={v.directory}
            onChange={(e) => set({ directory: e.currentTarget.value })}
            data-testid="export-directory"
            required
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="export-format-label">
              Format
            </Text>
            <SegmentedControl
              aria-labelledby="export-format-label"
              data={[
                { value: 'ndjson', label: 'NDJSON (one JSON per line)' },
                { value: 'csv', label: 'CSV (spreadsheets)' },
              ]}
              value={v.format}
              onChange={(f) => set({ format: f as 'ndjson' | 'csv' })}
              data-testid="export-format"
            />
          </Stack>
        </>
      ) : (
        <MultiSelect
          label="Connections"
          description="Each gets the store's history (a historical sync), one after another"
          placeholder={connections.length ? 'Choose one or more' : 'No connection yet'}
          data={connections.map((c) => ({
            value: c.id,
            label: `${storeName(c.storeId)} → ${c.name} (${platformLabel(platforms, c.platform)})`,
          }))}
          value={v.connectionIds}
          onChange={(connectionIds) => set({ connectionIds })}
          data-testid="export-connections"
        />
      )}
      <Checkbox.Group
        label="Resources"
        value={v.resources}
        onChange={(r) => set({ resources: r as Resource[] })}
        data-testid="export-resources"
      >
        <Group mt={4}>
          {resources.map((r) => (
            <Checkbox key={r} value={r} label={r} data-testid={`export-resource-${r}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group grow>
        <TextInput
          type="date"
          label="From (optional)"
          value={v.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
          data-testid="export-from"
        />
        <TextInput
          type="date"
          label="To (optional)"
          value={v.to}
          onChange={(e) => set({ to: e.currentTarget.value })}
          data-testid="export-to"
        />
      </Group>
    </Stack>
  );
}
