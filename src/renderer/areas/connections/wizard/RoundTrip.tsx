// Runs in: renderer. Owns: the optional test-record round trip of "verify the setup": says what it writes on
// the platform, runs only once the user agrees, and lists each step (sent, read back, cleaned up).
import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { unwrap, useApi } from '../../../state/api-context';
import { useWorkspace } from '../../../state/workspace-store';
import { errorText } from '../../../ui/errors';

type Verification = ChannelOutput<'connections:verifySetup'>;

export function RoundTrip({ connectionId, label }: { connectionId: string; label: string }) {
  const api = useApi();
  const platforms = useWorkspace((s) => s.platforms);
  const connections = useWorkspace((s) => s.connections);
  const platform = platforms.find(
    (p) => p.platform === connections.find((c) => c.id === connectionId)?.platform,
  );
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!platform?.roundTripWrites) return null;

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await unwrap(api.connections.verifySetup({ id: connectionId, roundTrip: true })));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const steps = result?.checks ?? [];
  return (
    <Stack gap="xs" data-testid="roundtrip" data-result={result?.roundTrip ?? 'not_requested'}>
      <Text fw={600}>Send a test record</Text>
      <Checkbox
        label={`I agree: ${platform.roundTripWrites}`}
        checked={agreed}
        onChange={(e) => setAgreed(e.currentTarget.checked)}
        data-testid="roundtrip-agree"
      />
      <Group>
        <Button
          size="xs"
          disabled={!agreed}
          loading={busy}
          onClick={() => void send()}
          data-testid="roundtrip-send"
        >
          Send a test record to {label}
        </Button>
      </Group>
      {error && (
        <Alert color="red" title={`The test record could not be sent to ${label}`}>
          {error}
        </Alert>
      )}
      {result && (
        <Alert
          color={result.roundTrip === 'passed' ? 'green' : 'red'}
          title={
            result.roundTrip === 'passed'
              ? `The test record arrived in ${label}`
              : `Round trip ${result.roundTrip.replace('_', ' ')}`
          }
        >
          {steps.map((c) => (
            <Text key={c.id} size="sm" data-testid="roundtrip-step" data-ok={c.ok}>
              {c.ok ? '✓' : '✗'} {c.label}: {c.detail}
              {!c.ok && c.fix ? ` Fix: ${c.fix}` : ''}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
