// Runs in: renderer. Owns: the estimate shown before a historical sync: records per resource, API calls on
// each side and the ETA the binding rate limit implies.
import { Alert, Group, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract/index';
import { unwrap, useApi } from '../../state/api-context';
import { errorText } from '../../ui/errors';

type Estimate = ChannelOutput<'sync:estimate'>;

function duration(s: number): string {
  if (s < 90) return `${Math.ceil(s)} s`;
  if (s < 5400) return `${Math.ceil(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export function EstimatePanel({ connectionId }: { connectionId: string }) {
  const api = useApi();
  const [result, setResult] = useState<{ id: string; estimate?: Estimate; error?: string } | null>(null);
  useEffect(() => {
    unwrap(api.sync.estimate({ connectionId })).then(
      (estimate) => setResult({ id: connectionId, estimate }),
      (err: unknown) => setResult({ id: connectionId, error: errorText(err) }),
    );
  }, [api, connectionId]);
  const current = result?.id === connectionId ? result : null;
  if (!current)
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">Estimating the history…</Text>
      </Group>
    );
  if (current.error)
    return (
      <Alert color="orange" title="No estimate" data-testid="estimate-error">
        {current.error}
      </Alert>
    );
  const e = current.estimate!;
  const records = Object.entries(e.records)
    .map(([k, n]) => `${n.toLocaleString('en-US')} ${k}`)
    .join(', ');
  return (
    <Alert color="blue" title={`About ${duration(e.etaSeconds)}`} data-testid="estimate">
      <Text size="sm">{records || 'No records found'}.</Text>
      <Text size="sm">
        {e.bigcommerceCalls.toLocaleString('en-US')} BigCommerce calls,{' '}
        {e.platformCalls.toLocaleString('en-US')} platform calls; the{' '}
        {e.binding === 'bigcommerce' ? 'BigCommerce' : 'platform'} rate limit sets the pace.
      </Text>
      <Text size="xs" c="dimmed">
        {e.basis}
      </Text>
    </Alert>
  );
}
