// Runs in: renderer. Owns: the email form an access request and an erase both start from: one address, one
// button, and the check that it is an address before anyone is looked up.
import { Button, Group, TextInput } from '@mantine/core';

/** The address to look up, trimmed; null when what was typed cannot be one (no @). */
export function personEmail(typed: string): string | null {
  const email = typed.trim();
  return email.includes('@') ? email : null;
}

interface Props {
  email: string;
  onEmailChange: (email: string) => void;
  /** Submitted: the trimmed address, or null when it is not one (the caller says what to enter). */
  onLookup: (email: string | null) => void;
  busy: boolean;
  submitLabel: string;
  testIds: { email: string; submit: string };
}

export function EmailLookupForm({ email, onEmailChange, onLookup, busy, submitLabel, testIds }: Props) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onLookup(personEmail(email));
      }}
    >
      <Group align="flex-end">
        <TextInput
          label="Email address of the person"
          placeholder="person@example.com"
          value={email}
          onChange={(e) => onEmailChange(e.currentTarget.value)}
          w={360}
          data-testid={testIds.email}
        />
        <Button type="submit" loading={busy} data-testid={testIds.submit}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}
