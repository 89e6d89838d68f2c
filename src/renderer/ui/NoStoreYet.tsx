// Runs in: renderer. Owns: what an area says to a new user whose workspace has no store yet: what the area
// will do, and the one thing to do first.
import { Button, EmptyState, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNav } from '../state/nav-store';

interface Props {
  testId: string;
  title: string;
  icon: ReactNode;
  /** What this area does, once there is a store. */
  purpose: string;
}

export function NoStoreYet({ testId, title, icon, purpose }: Props) {
  const go = useNav((s) => s.go);
  return (
    <Stack data-testid={testId}>
      <Title order={2}>{title}</Title>
      <EmptyState
        icon={icon}
        title="No store yet"
        description={`${purpose} Start by adding a BigCommerce store.`}
      >
        <EmptyState.Actions>
          <Button onClick={() => go('stores')}>Add a store</Button>
        </EmptyState.Actions>
      </EmptyState>
    </Stack>
  );
}
