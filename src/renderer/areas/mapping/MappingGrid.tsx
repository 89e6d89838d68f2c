// Runs in: renderer. Owns: the field-mapping grid: one row per BigCommerce field (standard, custom form fields,
// attributes), the platform field it fills, its transform and the type warnings main found for it.
import { Alert, Badge, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useApi } from '../../state/api-context';
import { useMapping } from '../../state/mapping-store';
import { issuesBySource, presets, type Preset } from './mapping-model';

const origins = {
  saved: 'The saved mapping.',
  defaults: "The platform's default mapping, fitted to this store. Check it and save.",
  suggested: 'Suggested from matching field names. Check it and save.',
  empty: 'Nothing mapped yet: pick a platform field for each BigCommerce field you want sent.',
};

export function MappingGrid() {
  const api = useApi();
  const { catalogue, grid, issues, origin, notFitted, loading, error, setRow, validate, draft } =
    useMapping();
  const gridKey = JSON.stringify(grid);
  // Type warnings follow each edit, a moment after the last one.
  useEffect(() => {
    if (!catalogue) return;
    const t = setTimeout(() => void validate(api), 300);
    return () => clearTimeout(t);
  }, [api, catalogue, gridKey, validate]);
  const byRow = issuesBySource(draft(), issues);

  if (loading || !catalogue)
    return error ? (
      <Alert color="red" title="The mapping could not be loaded" data-testid="mapping-error">
        {error}
      </Alert>
    ) : (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">Reading the store&apos;s fields and the platform&apos;s live fields…</Text>
      </Group>
    );

  const targets = catalogue.target.map((t) => ({
    value: t.key,
    label: `${t.label}${t.required ? ' (required)' : ''}${t.custom ? ' · custom' : ''}`,
  }));
  const general = byRow[''] ?? [];
  return (
    <Stack gap="sm" data-testid="mapping-grid" data-origin={origin}>
      <Text size="sm" c="dimmed" data-testid="mapping-origin">
        {origins[origin]}
      </Text>
      {notFitted.length > 0 && (
        <Alert color="orange" title="Default rows that do not fit this store">
          {notFitted.map((n) => (
            <Text key={n} size="sm">
              {n}
            </Text>
          ))}
        </Alert>
      )}
      {general.map((i) => (
        <Alert key={i.message} color={i.severity === 'error' ? 'red' : 'orange'} data-testid="mapping-issue">
          {i.message}
        </Alert>
      ))}
      {targets.length === 0 && (
        <Alert color="gray" title="No platform fields">
          This destination publishes no field catalogue: records go as they are.
        </Alert>
      )}
      <Table striped withTableBorder aria-label="Field mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>BigCommerce field</Table.Th>
            <Table.Th>Platform field</Table.Th>
            <Table.Th>Transform</Table.Th>
            <Table.Th>Checks</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {catalogue.source.map((f) => {
            const r = grid[f.key];
            const rowIssues = byRow[f.key] ?? [];
            return (
              <Table.Tr key={f.key} data-testid="mapping-row" data-source={f.key}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {f.label}
                  </Text>
                  <Group gap={4}>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {f.key}
                    </Text>
                    <Badge size="xs" variant="light" color={f.custom ? 'grape' : 'gray'}>
                      {f.custom ? `${f.group} · ${f.type}` : f.type}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Platform field for ${f.label}`}
                    placeholder="Not sent"
                    data={targets}
                    value={r?.target ?? null}
                    onChange={(v) => setRow(f.key, { target: v })}
                    clearable
                    searchable
                    size="xs"
                    data-testid="mapping-target"
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Select
                      aria-label={`Transform for ${f.label}`}
                      data={presets.map((p) => ({ value: p.value, label: p.label }))}
                      value={r?.preset ?? 'none'}
                      onChange={(v) => setRow(f.key, { preset: (v ?? 'none') as Preset })}
                      allowDeselect={false}
                      disabled={!r?.target}
                      size="xs"
                      data-testid="mapping-transform"
                    />
                    {r?.preset === 'phone' && (
                      <TextInput
                        aria-label={`Default country for ${f.label}`}
                        placeholder="US"
                        w={56}
                        size="xs"
                        maxLength={2}
                        value={r.country}
                        onChange={(e) => setRow(f.key, { country: e.currentTarget.value.toUpperCase() })}
                      />
                    )}
                  </Group>
                </Table.Td>
                <Table.Td data-testid="mapping-checks">
                  {rowIssues.map((i) => (
                    <Text
                      key={i.message}
                      size="xs"
                      c={i.severity === 'error' ? 'red' : 'orange.8'}
                      data-testid="mapping-warning"
                      data-severity={i.severity}
                    >
                      {i.message}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
