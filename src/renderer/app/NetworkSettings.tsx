// Runs in: renderer. Owns: the network part of the desktop settings: which proxy outbound calls use (the
// environment's, none, or one typed here), NO_PROXY, an extra CA file, and main's account of the route.
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AppInfo, DesktopSettings } from '../../shared/contract/app';

type Network = DesktopSettings['network'];

interface Props {
  value: Network;
  route: AppInfo['network'] | undefined;
  saving: boolean;
  fieldError?: string | undefined;
  onSave(n: Network): void;
}

export function NetworkSettings({ value, route, saving, fieldError, onSave }: Props) {
  const [draft, setDraft] = useState<Network>(value);
  const changed = JSON.stringify(draft) !== JSON.stringify(value);
  const set = (patch: Partial<Network>) => setDraft({ ...draft, ...patch });
  return (
    <Stack gap="xs" data-testid="network-settings">
      <Text fw={600}>Network</Text>
      {route && (
        <Alert variant="light" color="gray" data-testid="network-route">
          <Text size="sm">{route.proxy}</Text>
          <Text size="sm">{route.trust}</Text>
        </Alert>
      )}
      <Select
        label="Proxy"
        data={[
          { value: 'system', label: 'From the environment (HTTPS_PROXY, NO_PROXY)' },
          { value: 'direct', label: 'None: connect directly' },
          { value: 'manual', label: 'This proxy…' },
        ]}
        value={draft.proxy}
        allowDeselect={false}
        onChange={(v) => set({ proxy: (v ?? 'system') as Network['proxy'] })}
      />
      {draft.proxy === 'manual' && (
        <>
          <TextInput
            label="Proxy URL"
            placeholder="http://proxy.example.com:3128"
            value={draft.proxyUrl ?? ''}
            error={fieldError}
            onChange={(e) => set({ proxyUrl: e.currentTarget.value || undefined })}
          />
          <TextInput
            label="Bypass the proxy for"
            description="Comma-separated hosts, as NO_PROXY: .internal.example.com, 10.0.0.5"
            value={draft.noProxy ?? ''}
            onChange={(e) => set({ noProxy: e.currentTarget.value || undefined })}
          />
        </>
      )}
      <TextInput
        label="Extra certificate authorities (PEM file)"
        description="Needed behind a proxy that inspects TLS: its root certificate, as a file path."
        value={draft.extraCaFile ?? ''}
        onChange={(e) => set({ extraCaFile: e.currentTarget.value || undefined })}
      />
      <Group justify="flex-end">
        <Button size="xs" disabled={!changed || saving} onClick={() => onSave(draft)}>
          Apply network settings
        </Button>
      </Group>
    </Stack>
  );
}
