// Runs in: renderer. Owns: mapping templates: save the open connection's mapping as one, list them, apply one
// to other stores' connections and report, per connection, what fitted and what did not.
import { Alert, Button, Card, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { unwrap, useApi } from '../../state/api-context';
import { useMapping } from '../../state/mapping-store';
import { errorText } from '../../ui/errors';
import { applyResult, templateSchema, type ApplyResult, type TemplateSummary } from './mapping-model';

interface Props {
  /** Names a connection "Store → Platform (name)". */
  describe(connectionId: string): string;
  /** Connections a template may be applied to. */
  others: Array<{ value: string; label: string }>;
}

export function TemplatesPanel({ describe, others }: Props) {
  const api = useApi();
  const { connectionId, entity, dirty, load } = useMapping();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [targets, setTargets] = useState<string[]>([]);
  const [busy, setBusy] = useState<'save' | 'apply' | null>(null);
  const [results, setResults] = useState<ApplyResult[] | null>(null);

  const refresh = useCallback(
    () =>
      unwrap(api.templates.list()).then(
        (list) => setTemplates(list.map((t) => templateSchema.parse(t))),
        (err: unknown) => notifications.show({ color: 'red', title: 'Templates', message: errorText(err) }),
      ),
    [api],
  );
  useEffect(() => void refresh(), [refresh]);

  const saveAs = async () => {
    if (!connectionId) return;
    setBusy('save');
    try {
      const t = templateSchema.parse(await unwrap(api.templates.save({ name, connectionId, entity })));
      notifications.show({ color: 'green', title: 'Template saved', message: t.name });
      setName('');
      setChosen(t.id);
      await refresh();
    } catch (err) {
      notifications.show({
        color: 'red',
        title: `Template not saved: ${describe(connectionId)}`,
        message: errorText(err),
      });
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!chosen || targets.length === 0) return;
    setBusy('apply');
    try {
      const raw = await unwrap(api.templates.apply({ templateId: chosen, connectionIds: targets }));
      setResults(raw.map((r) => applyResult.parse(r)));
      // The open connection may be among them: show what it now holds.
      if (connectionId && targets.includes(connectionId)) void load(api, connectionId, entity);
    } catch (err) {
      notifications.show({ color: 'red', title: 'Template not applied', message: errorText(err) });
    } finally {
      setBusy(null);
    }
  };

  const mine = templates.filter((t) => t.entity === entity);
  return (
    <Card withBorder data-testid="templates">
      <Stack gap="sm">
        <Text fw={600}>Templates</Text>
        <Group align="flex-end">
          <TextInput
            label="Save this mapping as a template"
            placeholder="Template name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="template-name"
            style={{ flex: 1 }}
          />
          <Button
            onClick={() => void saveAs()}
            loading={busy === 'save'}
            disabled={!name.trim() || !connectionId || dirty}
            data-testid="template-save"
          >
            Save as template
          </Button>
        </Group>
        {dirty && (
          <Text size="xs" c="dimmed">
            Save the mapping first: a template keeps the saved mapping.
          </Text>
        )}
        <Select
          label="Template to apply"
          placeholder={mine.length ? 'Choose a template' : 'No templates yet'}
          data={mine.map((t) => ({ value: t.id, label: t.name }))}
          value={chosen}
          onChange={setChosen}
          data-testid="template-choose"
        />
        <MultiSelect
          label="Apply to these connections"
          placeholder="Other stores' connections"
          data={others}
          value={targets}
          onChange={setTargets}
          data-testid="template-targets"
        />
        <Group justify="flex-end">
          <Button
            variant="light"
            onClick={() => void apply()}
            loading={busy === 'apply'}
            disabled={!chosen || targets.length === 0}
            data-testid="template-apply"
          >
            Apply template
          </Button>
        </Group>
        {results?.map((r) => (
          <ApplyReport key={r.connectionId} result={r} what={describe(r.connectionId)} />
        ))}
      </Stack>
    </Card>
  );
}

function ApplyReport({ result: r, what }: { result: ApplyResult; what: string }) {
  if (!r.ok)
    return (
      <Alert color="red" title={`Not applied: ${what}`} data-testid="template-report">
        {r.error}
      </Alert>
    );
  const misfits = r.report.notFitted;
  return (
    <Alert
      color={misfits.length || r.report.missingRequired.length ? 'orange' : 'green'}
      title={`${what}: ${r.report.mapping.rows.length} rows applied, ${misfits.length} did not fit`}
      data-testid="template-report"
      data-not-fitted={misfits.length}
    >
      {misfits.map((m) => (
        <Text key={`${m.row.source}:${m.row.target}`} size="sm" data-testid="template-misfit">
          {m.row.source ?? 'constant'} → {m.row.target}: {m.reason}
        </Text>
      ))}
      {r.report.missingRequired.length > 0 && (
        <Text size="sm">Required platform fields nobody fills: {r.report.missingRequired.join(', ')}</Text>
      )}
      {misfits.length === 0 && r.report.missingRequired.length === 0 && (
        <Text size="sm">Everything fitted.</Text>
      )}
    </Alert>
  );
}
