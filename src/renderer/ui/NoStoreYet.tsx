// Runs in: renderer. Owns: what an area says to a new user whose workspace has no store yet: what the area
// will do, and the one thing to do first.
import { Button, EmptyState, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNav } from '../state/nav-store';

interface Props {
  testId: string;
  title: string;
  icon: ReactNode;
  /** What this area does, once there is a store; without it, that everything builds on a store. */
  purpose?: string;
  /** The empty state's own heading; default 'No store yet'. */
  heading?: string;
  emptyTestId?: string;
}

export function NoStoreYet({ testId, title, icon, purpose, heading, emptyTestId }: Props) {
  const go = useNav((s) => s.go);
  return (
    <Stack data-testid={testId}>
      <Title order={2}>{title}</Title>
      <EmptyState
        icon={icon}
        title={heading ?? 'No store yet'}
        description={
          purpose
            ? `${purpose} Start by adding a BigCommerce store.`
            : 'Start by adding a BigCommerce store: everything else builds on it.'
        }
        data-testid={emptyTestId}
      >
        <EmptyState.Actions>
          <Button onClick={() => go('stores')}>Add a store</Button>
        </EmptyState.Actions>
      </EmptyState>
    </Stack>
  );
}
