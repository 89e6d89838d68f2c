// Runs in: renderer. Owns: the AppShell: header, navigation between areas, and the app-ready marker.
import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract/index';
import { areas, useNav } from '../state/nav-store';
import { unwrap, useApi } from '../state/api-context';
import { useStores } from '../state/stores-store';
import { useStatus } from '../state/status-store';
import { useWorkspace } from '../state/workspace-store';
import { AreaView } from './AreaView';
import { areaMeta } from './area-meta';
import { ColorSchemeToggle } from '../ui/ColorSchemeToggle';
import { DesktopSettingsButton } from './DesktopSettingsButton';
import { KeychainBanner } from '../ui/KeychainBanner';
import { OfflineBanner } from '../ui/OfflineBanner';

export function Shell() {
  const api = useApi();
  const [opened, { toggle }] = useDisclosure();
  const { area, go } = useNav();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const connect = useStores((s) => s.connect);
  const storesLoaded = useStores((s) => s.loaded);
  const hasStores = useStores((s) => s.stores.length > 0);
  const connectWorkspace = useWorkspace((s) => s.connect);
  const workspaceLoaded = useWorkspace((s) => s.loaded);
  const followStatus = useStatus((s) => s.follow);
  const start = useNav((s) => s.start);
  const navigate = useNav((s) => s.navigate);

  useEffect(() => connect(api), [api, connect]);
  useEffect(() => connectWorkspace(api), [api, connectWorkspace]);
  useEffect(() => followStatus(api), [api, followStatus]);
  // A notification, the tray or a storebridge:// link asked main to open a screen.
  useEffect(() => api.on('app:navigate', navigate), [api, navigate]);
  useEffect(() => {
    if (storesLoaded) start(hasStores);
  }, [storesLoaded, hasStores, start]);
  useEffect(() => {
    unwrap(api.app.info()).then(setInfo, () => setInfo(null));
  }, [api]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={1} size="h4">
              Storebridge
            </Title>
            {info && (
              <Text size="xs" c="dimmed" data-testid="app-version">
                v{info.version}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <DesktopSettingsButton host={info?.host} />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {areas.map((a) => {
          const meta = areaMeta[a];
          return (
            <NavLink
              key={a}
              // A button, not an <a> without href: it is in the tab order and Enter or Space opens the area.
              component="button"
              label={meta.label}
              leftSection={<meta.icon size={18} stroke={1.6} aria-hidden />}
              active={area === a}
              onClick={() => go(a)}
              data-testid={`nav-${a}`}
              aria-current={area === a ? 'page' : undefined}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        {info && <KeychainBanner keychain={info.keychain} />}
        <OfflineBanner />
        <AreaView area={area} />
        {info && storesLoaded && workspaceLoaded && <div data-testid="app-ready" hidden />}
      </AppShell.Main>
    </AppShell>
  );
}
