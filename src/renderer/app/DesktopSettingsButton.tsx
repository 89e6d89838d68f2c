// Runs in: renderer. Owns: the desktop settings dialog (keep syncing with the window closed, start at
// login, notifications, muted stores), saved through the contract; main applies them.
import { ActionIcon, Alert, Button, Group, Modal, MultiSelect, Stack, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import type { AppInfo, DesktopSettings } from '../../shared/contract/app';
import { unwrap, useApi } from '../state/api-context';
import { NetworkSettings } from './NetworkSettings';
import { useStores } from '../state/stores-store';

export function DesktopSettingsButton({ host }: { host: AppInfo['host'] | undefined }) {
  const api = useApi();
  const [opened, { open, close }] = useDisclosure(false);
  const stores = useStores((s) => s.stores);
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [route, setRoute] = useState<AppInfo['network']>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const loadRoute = () =>
    unwrap(api.app.info()).then(
      (i) => setRoute(i.network),
      () => setRoute(undefined),
    );

  const show = () => {
    setError(null);
    open();
    void loadRoute();
    unwrap(api.desktop.settings()).then(setSettings, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  };

  const save = async (patch: Partial<DesktopSettings>) => {
    setSaving(true);
    try {
      const r = await api.desktop.saveSettings(patch);
      if (!r.ok) {
        setFields(r.error.fields ?? {});
        throw new Error(r.error.message);
      }
      setSettings(r.value);
      setFields({});
      setError(null);
      if (patch.network) await loadRoute();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={show}
        aria-label="Desktop settings"
        data-testid="desktop-settings-open"
      >
        <IconSettings size={18} />
      </ActionIcon>
      <Modal opened={opened} onClose={close} title="Desktop settings" data-testid="desktop-settings">
        <Stack>
          {host !== 'electron' && (
            <Alert color="blue" variant="light">
              These settings take effect in the desktop app. In this browser console, syncs run while the
              console&apos;s host process runs.
            </Alert>
          )}
          {error && (
            <Alert color="red" title="Settings were not saved">
              {error}
            </Alert>
          )}
          {settings && (
            <>
              <Switch
                label="Keep syncing when the window is closed"
                description="Storebridge stays in the tray; quit from the tray menu to stop syncing."
                checked={settings.backgroundMode}
                disabled={saving}
                onChange={(e) => void save({ backgroundMode: e.currentTarget.checked })}
              />
              <Switch
                label="Start at login, in the tray"
                description="Syncs resume when you sign in to this computer."
                checked={settings.startAtLogin}
                disabled={saving}
                onChange={(e) => void save({ startAtLogin: e.currentTarget.checked })}
              />
              <Switch
                label="Desktop notifications"
                description="Only for what needs you: sign in again, dead letters, a destination offline, a webhook switched off."
                checked={settings.notifications}
                disabled={saving}
                onChange={(e) => void save({ notifications: e.currentTarget.checked })}
              />
              <MultiSelect
                label="Muted stores"
                description="No notifications for these stores; their status still shows in the tray and dashboard."
                data={stores.map((s) => ({ value: s.id, label: s.name }))}
                value={settings.mutedStores}
                disabled={saving || !settings.notifications}
                onChange={(mutedStores) => void save({ mutedStores })}
                searchable
                clearable
              />
              <NetworkSettings
                key={JSON.stringify(settings.network)}
                value={settings.network}
                route={route}
                saving={saving}
                fieldError={fields['network.proxyUrl']}
                onSave={(network) => void save({ network })}
              />
            </>
          )}
          {!settings && !error && <Text c="dimmed">Loading…</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
