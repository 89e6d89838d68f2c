// Runs in: renderer. Owns: the Diagnostics screen: preview the support bundle (files, redaction, personal
// data masked unless asked, database integrity), then save it as a zip where the user chooses.
import { Alert, Button, Card, Group, Loader, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract/index';
import { unwrap, useApi } from '../../state/api-context';
import { errorText } from '../../ui/errors';
import { bytes } from '../../ui/format';
import { BundleFiles } from './BundleFiles';
import { IntegrityCard } from './IntegrityCard';
import { defaultBundlePath } from './bundle-path';

type Preview = ChannelOutput<'diagnostics:preview'>;
type Saved = ChannelOutput<'diagnostics:save'>;

export function DiagnosticsPage() {
  const api = useApi();
  const [includePii, setIncludePii] = useState(false);
  const [loaded, setLoaded] = useState<{ includePii: boolean; preview: Preview } | null>(null);
  const preview = loaded?.preview ?? null;
  const [path, setPath] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loading = loaded?.includePii !== includePii && !error;

  useEffect(() => {
    unwrap(api.app.info()).then(
      (info) => setPath((p) => p || defaultBundlePath(info.workspaceDir, new Date())),
      () => undefined,
    );
  }, [api]);
  useEffect(() => {
    let live = true;
    unwrap(api.diagnostics.preview({ includePii })).then(
      (p) => {
        if (!live) return;
        setLoaded({ includePii, preview: p });
        setError(null);
      },
      (err: unknown) => live && setError(`Building the preview: ${errorText(err)}`),
    );
    return () => {
      live = false;
    };
  }, [api, includePii]);

  const save = async () => {
    setError(null);
    if (!path.trim()) return setError('Give the file the bundle is saved to (a full path ending in .zip).');
    setSaving(true);
    try {
      setSaved(await unwrap(api.diagnostics.save({ path: path.trim(), includePii })));
    } catch (err) {
      setError(`Saving the bundle to ${path}: ${errorText(err)}`);
    } finally {
      setSaving(false);
    }
  };

  const total = preview?.files.reduce((n, f) => n + f.size, 0) ?? 0;
  return (
    <Stack data-testid="area-diagnostics" maw={1000}>
      <Title order={2}>Diagnostics</Title>
      <Text c="dimmed">
        A support bundle helps someone else see what went wrong. Look at exactly what it holds before saving
        it; send the zip to support yourself, nothing is uploaded.
      </Text>
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={500}>What is removed</Text>
          <Text size="sm">
            Store tokens and platform credentials never enter the bundle: every secret this workspace keeps in
            the keychain is cut out of every file, and fields named like secrets are redacted.
          </Text>
          <Switch
            label="Include personal data (emails, names, phones) unmasked"
            description="Off by default: personal data is masked. Turn it on only when support asks for it."
            checked={includePii}
            onChange={(e) => {
              setIncludePii(e.currentTarget.checked);
              setSaved(null);
              setError(null);
            }}
            data-testid="diagnostics-pii"
          />
          <Text size="sm" data-testid="diagnostics-personal-data" data-state={preview?.personalData}>
            Personal data: {preview?.personalData === 'included' ? 'included, as you asked' : 'masked'}
          </Text>
        </Stack>
      </Card>
      {error && (
        <Alert color="red" title="That did not work" data-testid="diagnostics-error">
          {error}
        </Alert>
      )}
      {loading && !preview && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Building the preview…</Text>
        </Group>
      )}
      {preview && (
        <>
          <IntegrityCard excerpt={preview.files.find((f) => f.name === 'integrity.json')?.excerpt} />
          <Group justify="space-between">
            <Title order={3} size="h4">
              {preview.files.length} files, {bytes(total)}
            </Title>
            {loading && <Loader size="xs" aria-label="Refreshing the preview" />}
          </Group>
          <BundleFiles files={preview.files} />
          <Card withBorder>
            <Group align="flex-end">
              <TextInput
                label="Save the bundle to"
                description="A full path on the computer running Storebridge"
                value={path}
                onChange={(e) => setPath(e.currentTarget.value)}
                style={{ flex: 1 }}
                data-testid="diagnostics-path"
              />
              <Button onClick={() => void save()} loading={saving} data-testid="diagnostics-save">
                Save bundle
              </Button>
            </Group>
          </Card>
        </>
      )}
      {saved && (
        <Alert color="green" title="Bundle saved" data-testid="diagnostics-saved">
          {saved.files} files, {bytes(saved.size)} zipped, in {saved.path}
        </Alert>
      )}
    </Stack>
  );
}
