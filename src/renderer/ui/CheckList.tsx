// Runs in: renderer. Owns: a list of verification items (passed or failed, what was found, the fix), as the
// add-store check, the wizard's verify step and the setup checklist show them.
import { List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';

export interface CheckItem {
  id: string;
  label: string;
  ok: boolean;
  detail: string;
  fix?: string | null | undefined;
}

interface Props {
  items: CheckItem[];
  /** The list's accessible name ("Verification items"). */
  label: string;
  /** data-testid of each item. */
  itemTestId: string;
}

export function CheckList({ items, label, itemTestId }: Props) {
  return (
    <List spacing="xs" center aria-label={label}>
      {items.map((i) => (
        <List.Item
          key={i.id}
          data-testid={itemTestId}
          data-ok={i.ok}
          icon={
            <ThemeIcon
              color={i.ok ? 'green' : 'red'}
              size={20}
              radius="xl"
              role="img"
              aria-label={i.ok ? 'passed' : 'failed'}
            >
              {i.ok ? <IconCheck size={12} /> : <IconX size={12} />}
            </ThemeIcon>
          }
        >
          <Text size="sm" fw={500}>
            {i.label}
          </Text>
          <Text size="xs" c="dimmed">
            {i.detail}
          </Text>
          {!i.ok && i.fix && (
            <Text size="xs" c="red" data-testid="verify-fix">
              Fix: {i.fix}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
