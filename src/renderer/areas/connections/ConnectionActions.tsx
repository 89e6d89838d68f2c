// Runs in: renderer. Owns: the per-connection actions (sync now, pause/resume, remove with confirmation),
// each failure naming the store and platform.
import { ActionIcon, Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlayerPause, IconPlayerPlay, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { unwrap, useApi } from '../../state/api-context';
import { useStatus } from '../../state/status-store';
import type { ConnectionSummary } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';
import { awaitingNote } from '../../ui/summary-figures';
import type { ChannelOutput } from '../../../shared/contract/index';
import { syncOnce } from './run-sync';
import { useWizardDraft } from '../../state/wizard-draft-store';

export function ConnectionActions({ connection: c, what }: { connection: ConnectionSummary; what: string }) {
  const api = useApi();
  const syncing = useStatus((s) => s.syncing[c.id] ?? false);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const draft = useWizardDraft();
  // Editing walks the same steps from Verify on; store, platform and account stay as they are.
  const edit = () => {
    if (draft.active)
      return notifications.show({
        color: 'orange',
        title: `Cannot edit ${what} yet`,
        message: 'Another setup is waiting: resume or discard it first.',
      });
    draft.start(
      {
        storeId: c.storeId,
        platform: c.platform,
        accountMode: 'existing',
        accountId: c.accountId,
        connectionId: c.id,
        connectionName: c.name,
        settings: c.settings,
        continuous: c.mode === 'continuous',
        editing: true,
        historical: false,
      },
      'verify',
    );
  };

  const act = async (label: string, run: () => Promise<unknown>, done?: (v: unknown) => string) => {
    setBusy(true);
    try {
      const v = await run();
      if (done) notifications.show({ color: 'green', title: `${label}: ${what}`, message: done(v) });
    } catch (err) {
      notifications.show({ color: 'red', title: `${label} failed: ${what}`, message: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label="Sync now">
        <ActionIcon
          variant="subtle"
          aria-label={`Sync ${what} now`}
          loading={syncing}
          disabled={c.paused}
          onClick={() =>
            void act(
              'Sync',
              () => syncOnce(api, c.id),
              (v) => {
                const s = v as ChannelOutput<'sync:start'>;
                const awaiting = awaitingNote(s);
                return `${s.extracted} read, ${s.delivered} delivered, ${s.dead} dead letters${awaiting ? `; ${awaiting}` : ''}`;
              },
            )
          }
          data-testid="connection-sync"
        >
          <IconRefresh size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={c.paused ? 'Resume' : 'Pause'}>
        <ActionIcon
          variant="subtle"
          aria-label={`${c.paused ? 'Resume' : 'Pause'} ${what}`}
          disabled={busy}
          onClick={() =>
            void act(c.paused ? 'Resume' : 'Pause', () =>
              unwrap(c.paused ? api.connections.resume({ id: c.id }) : api.connections.pause({ id: c.id })),
            )
          }
          data-testid={c.paused ? 'connection-resume' : 'connection-pause'}
        >
          {c.paused ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Edit">
        <ActionIcon variant="subtle" aria-label={`Edit ${what}`} onClick={edit} data-testid="connection-edit">
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Remove">
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Remove ${what}`}
          onClick={() => setConfirm(true)}
          data-testid="connection-remove"
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title="Remove connection">
        <Stack>
          <Text>
            Stop syncing <b>{what}</b> and forget its queue? What was already delivered stays on the platform.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={busy}
              data-testid="connection-remove-confirm"
              onClick={() =>
                void act('Remove', () => unwrap(api.connections.remove({ id: c.id }))).then(() =>
                  setConfirm(false),
                )
              }
            >
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
