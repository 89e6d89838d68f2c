// Runs in: renderer. Owns: the empty state of an area whose workflows are not in this build yet: it says
// what the area will do and what a new user can do now, instead of showing a dead form.
import { Button, EmptyState, Stack, Title } from '@mantine/core';
import { areaMeta } from '../../app/area-meta';
import { useNav, type Area } from '../../state/nav-store';
import { useStores } from '../../state/stores-store';

export function UpcomingArea({ area }: { area: Area }) {
  const meta = areaMeta[area];
  const go = useNav((s) => s.go);
  const hasStores = useStores((s) => s.stores.length > 0);
  return (
    <Stack data-testid={`area-${area}`}>
      <Title order={2}>{meta.label}</Title>
      <EmptyState
        icon={<meta.icon size={28} aria-hidden />}
        title={`${meta.label} is not available in this build yet`}
        description={
          <>
            {meta.purpose}{' '}
            {hasStores
              ? 'Your stores are saved; this area will use them as soon as it arrives.'
              : 'Start by adding a BigCommerce store: everything else builds on it.'}
          </>
        }
      >
        {!hasStores && (
          <EmptyState.Actions>
            <Button onClick={() => go('stores')}>Add a store</Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Stack>
  );
}
