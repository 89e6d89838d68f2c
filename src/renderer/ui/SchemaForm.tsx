// Runs in: renderer. Owns: a generic form for a platform's JSON Schema: required fields first, the rest under
// "More settings"; each field's description is its help text ("where to find it").
import {
  Accordion,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Switch,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { FormField } from './schema';

interface Props {
  fields: FormField[];
  values: Record<string, unknown>;
  errors?: Record<string, string>;
  onChange(values: Record<string, unknown>): void;
  testIdPrefix: string;
}

export function SchemaForm({ fields, values, errors = {}, onChange, testIdPrefix }: Props) {
  const required = fields.filter((f) => f.required);
  const optional = fields.filter((f) => !f.required);
  const render = (f: FormField) => (
    <FieldInput
      key={f.key}
      field={f}
      value={values[f.key]}
      error={errors[f.key]}
      testId={`${testIdPrefix}-${f.key}`}
      onChange={(v) => onChange({ ...values, [f.key]: v })}
    />
  );
  if (fields.length === 0) return null;
  return (
    <Stack gap="sm">
      {required.map(render)}
      {optional.length > 0 && (
        <Accordion variant="contained" defaultValue={required.length === 0 ? 'more' : null}>
          <Accordion.Item value="more">
            <Accordion.Control data-testid={`${testIdPrefix}-more`}>
              More settings ({optional.length}, with defaults)
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">{optional.map(render)}</Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  );
}

interface FieldProps {
  field: FormField;
  value: unknown;
  error?: string;
  testId: string;
  onChange(v: unknown): void;
}

function FieldInput({ field: f, value, error, testId, onChange }: FieldProps) {
  const common = {
    label: f.label,
    description: f.description,
    required: f.required,
    error,
    'data-testid': testId,
  };
  const str = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  switch (f.kind) {
    case 'boolean':
      return (
        <Switch
          label={f.label}
          description={f.description}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          data-testid={testId}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : f.nullable ? '' : undefined)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={f.options ?? []}
          value={str || null}
          onChange={(v) => onChange(v ?? undefined)}
          clearable={!f.required}
        />
      );
    case 'tags':
      return (
        <TagsInput
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v)}
        />
      );
    case 'secret':
      return <PasswordInput {...common} value={str} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'json':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          ff="monospace"
          value={str}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={f.kind === 'url' ? 'url' : 'text'}
          value={str}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
