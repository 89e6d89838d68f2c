// Runs in: renderer. Owns: an access request: everything this workspace holds about a person, summarised,
// shown as JSON and downloadable as a file to hand to them.
import { Alert, Button, Code, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../state/api-context';
import { errorText } from '../../ui/errors';
import { CountGrid } from '../../ui/CountGrid';
import { ask } from '../../ui/parse-answer';
import { EmailLookupForm } from './EmailLookupForm';
import { accessSchema, type AccessExport } from './privacy-shapes';

function download(a: AccessExport) {
  const blob = new Blob([JSON.stringify(a, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `access-request-${a.generatedAt.slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function AccessRequest() {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [result, setResult] = useState<AccessExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (person: string | null) => {
    setError(null);
    setResult(null);
    if (!person) return setError('Enter the email address of the person asking.');
    setBusy(true);
    try {
      setResult(await ask(api.privacy.access({ email: person }), accessSchema, 'privacy:access'));
    } catch (err) {
      setError(`Collecting the data of ${email}: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const figures: Array<[string, number]> = result
    ? [
        ['records read from BigCommerce', result.records.length],
        ['consent facts', result.consentFacts.length],
        ['queued jobs', result.jobs.length],
        ['deliveries', result.deliveries.length],
        ['events', result.events.length],
      ]
    : [];
  return (
    <Stack>
      <EmailLookupForm
        email={email}
        onEmailChange={setEmail}
        onLookup={(person) => void run(person)}
        busy={busy}
        submitLabel="Collect their data"
        testIds={{ email: 'access-email', submit: 'access-run' }}
      />
      {error && (
        <Alert color="red" title="That did not work" data-testid="access-error">
          {error}
        </Alert>
      )}
      {result && (
        <Stack data-testid="access-result">
          <CountGrid figures={figures} />
          <Text size="sm">
            {result.suppressed
              ? 'This person was erased and is on the suppression list.'
              : 'The platforms hold their own copies; ask each platform for its export as well.'}
          </Text>
          <Group>
            <Button variant="light" onClick={() => download(result)} data-testid="access-download">
              Download as JSON
            </Button>
          </Group>
          <ScrollArea h={280} type="auto" tabIndex={0} aria-label="The collected data as JSON">
            <Code block>{JSON.stringify(result, null, 2)}</Code>
          </ScrollArea>
        </Stack>
      )}
    </Stack>
  );
}
