// Runs in: renderer. Owns: an erase request as a guided flow: find where the person is, confirm (BigCommerce
// only when asked, with the email typed again), erase, and show the receipt of every system.
import { Alert, Button, Checkbox, Group, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../state/api-context';
import { useStores } from '../../state/stores-store';
import { platformLabel, useWorkspace } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';
import { ask } from '../../ui/parse-answer';
import { accessSchema, eraseSchema, type EraseOutcome } from './privacy-shapes';
import { EmailLookupForm } from './EmailLookupForm';
import { EraseReceipts } from './EraseReceipts';
import { FoundTable } from './FoundTable';
import { whereFound, type FoundRow } from './where-found';

export function EraseFlow({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const stores = useStores((s) => s.stores);
  const { connections, platforms } = useWorkspace();
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<{ email: string; rows: FoundRow[]; suppressed: boolean } | null>(null);
  const [bigcommerce, setBigcommerce] = useState(false);
  const [confirmText, setConfirmText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<EraseOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const step = outcome ? 3 : found ? 1 : 0;
  const confirmed = confirmText.trim().toLowerCase() === found?.email;

  const find = async (person: string | null) => {
    setError(null);
    setFound(null);
    if (!person) return setError('Enter the email address of the person to erase.');
    setBusy(true);
    try {
      const a = await ask(api.privacy.access({ email: person }), accessSchema, 'privacy:access');
      setFound({ email: a.email, rows: whereFound(a, stores), suppressed: a.suppressed });
    } catch (err) {
      setError(`Looking for ${email}: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const erase = async () => {
    if (!found) return;
    setBusy(true);
    setError(null);
    try {
      setOutcome(
        await ask(api.privacy.erase({ email: found.email, bigcommerce }), eraseSchema, 'privacy:erase'),
      );
      onDone();
    } catch (err) {
      setError(`Erasing the person: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setEmail('');
    setFound(null);
    setOutcome(null);
    setBigcommerce(false);
    setConfirmText('');
  };

  return (
    <Stack>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Find" description="Where the person is" />
        <Stepper.Step label="Confirm" description="Every platform, BigCommerce if asked" />
        <Stepper.Step label="Receipts" description="The answer of each system" />
      </Stepper>
      {step === 0 && (
        <EmailLookupForm
          email={email}
          onEmailChange={setEmail}
          onLookup={(person) => void find(person)}
          busy={busy}
          submitLabel="Find the person"
          testIds={{ email: 'erase-email', submit: 'erase-find' }}
        />
      )}
      {error && (
        <Alert color="red" title="That did not work" data-testid="erase-error">
          {error}
        </Alert>
      )}
      {found && !outcome && (
        <Stack data-testid="erase-found">
          <FoundTable email={found.email} rows={found.rows} suppressed={found.suppressed} />
          <Text size="sm">
            The erase asks every connection to delete the person through its platform’s own mechanism
            {connections.length === 0
              ? ' (there is no connection yet)'
              : `: ${connections.map((c) => `${c.name} (${platformLabel(platforms, c.platform)})`).join(', ')}`}
            . It removes the local copies and keeps the person from being sent again.
          </Text>
          <Checkbox
            label="Also delete the person in BigCommerce (customer accounts and newsletter subscription; BigCommerce keeps orders)"
            checked={bigcommerce}
            onChange={(e) => setBigcommerce(e.currentTarget.checked)}
            data-testid="erase-bigcommerce"
          />
          <TextInput
            label={`Type ${found.email} to confirm`}
            description="An erasure cannot be undone."
            value={confirmText}
            onChange={(e) => setConfirmText(e.currentTarget.value)}
            w={420}
            data-testid="erase-confirm-text"
          />
          <Group>
            <Button variant="default" onClick={reset}>
              Back
            </Button>
            <Button
              color="red.9"
              onClick={() => void erase()}
              loading={busy}
              disabled={!confirmed}
              data-testid="erase-submit"
            >
              Erase {bigcommerce ? 'everywhere, BigCommerce included' : 'on every platform'}
            </Button>
          </Group>
        </Stack>
      )}
      {outcome && (
        <>
          <EraseReceipts outcome={outcome} />
          <Group>
            <Button variant="default" onClick={reset} data-testid="erase-another">
              Erase another person
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
