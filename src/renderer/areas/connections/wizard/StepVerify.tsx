// Runs in: renderer. Owns: the wizard's verify step: the store's token, scopes and facts checked item by item
// (each failure with its fix), and the platform account's credentials in the keychain.
import { Alert, Button, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { unwrap, useApi } from '../../../state/api-context';
import { platformLabel, useWorkspace } from '../../../state/workspace-store';
import { CheckList, type CheckItem } from '../../../ui/CheckList';
import { errorText } from '../../../ui/errors';
import type { WizardState } from './wizard-state';

type Verification = ChannelOutput<'stores:verify'>;

interface Props {
  state: WizardState;
  set(patch: Partial<WizardState>): void;
}

export function StepVerify({ state, set }: Props) {
  const api = useApi();
  const { accounts, platforms } = useWorkspace();
  // Each "Check again" is a new round; an answer belongs to the round that asked.
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<{ round: number; result?: Verification; error?: string } | null>(null);
  useEffect(() => {
    if (!state.storeId) return;
    let live = true;
    unwrap(api.stores.verify({ id: state.storeId })).then(
      (result) => live && setAnswer({ round, result }),
      (err: unknown) => live && setAnswer({ round, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, state.storeId, round]);
  const busy = answer?.round !== round;
  const result = answer?.result ?? null;
  const error = answer?.error ?? null;
  const check = () => setRound((r) => r + 1);

  const account = accounts.find((a) => a.id === state.accountId);
  const label = platformLabel(platforms, state.platform);
  const items: CheckItem[] = [
    ...(result?.checks ?? []),
    {
      id: 'account',
      label: `${label} account "${account?.name ?? '?'}"`,
      ok: !!account && (account.credentials.configured || account.platform === 'file'),
      detail: account?.credentials.configured
        ? `Credentials saved in the OS keychain (…${account.credentials.hint}); ${label} checks them in the final "verify the setup" step`
        : 'No credentials stored',
      fix: account ? null : 'Go back to Credentials and add the account again',
    },
  ];
  const failing = items.filter((i) => !i.ok).length;
  return (
    <Stack data-testid="wizard-verify">
      <Group justify="space-between">
        <Text fw={500}>
          {busy
            ? 'Checking the store…'
            : failing
              ? `${failing} item(s) need attention`
              : 'Everything checks out'}
        </Text>
        <Button size="xs" variant="default" onClick={check} loading={busy} data-testid="verify-again">
          Check again
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="The store could not be checked">
          {error}
        </Alert>
      )}
      {!result && busy ? (
        <Loader size="sm" />
      ) : (
        <CheckList items={items} label="Verification items" itemTestId="verify-item" />
      )}
      {failing > 0 && (
        <Checkbox
          label="Continue anyway: what fails stays unsynced until it is fixed"
          checked={state.verifyAnyway}
          onChange={(e) => set({ verifyAnyway: e.currentTarget.checked })}
          data-testid="verify-anyway"
        />
      )}
    </Stack>
  );
}
