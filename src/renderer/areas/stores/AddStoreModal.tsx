// Runs in: renderer. Owns: the add-store form; main validates, so field errors come back from the contract.
import { Accordion, Alert, Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { StoreSummary } from '../../../shared/contract/index';
import { ApiError, unwrap, useApi } from '../../state/api-context';
import { CLIENT_SECRET_HELP } from './ClientSecretModal';

const empty = { name: '', storeHash: '', accessToken: '', clientSecret: '', apiBaseUrl: '' };

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The store was saved: the page checks it item by item. */
  onAdded?: (store: StoreSummary) => void;
}

export function AddStoreModal({ opened, onClose, onAdded }: Props) {
  const api = useApi();
  const [values, setValues] = useState(empty);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setValues(empty);
    setFieldErrors({});
    setFormError(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    setFieldErrors({});
    try {
      // An empty API base URL means the real BigCommerce API; main fills it in. No client secret: none kept.
      const { apiBaseUrl, clientSecret, ...rest } = values;
      const store = await unwrap(
        api.stores.add({
          ...rest,
          ...(apiBaseUrl.trim() ? { apiBaseUrl: apiBaseUrl.trim() } : {}),
          ...(clientSecret.trim() ? { clientSecret: clientSecret.trim() } : {}),
        }),
      );
      notifications.show({
        color: 'green',
        title: 'Store added',
        message: `${store.name} is saved; its token is in your keychain.`,
      });
      close();
      onAdded?.(store);
    } catch (err) {
      // Field errors show under their fields; the alert is for what no single field explains.
      if (err instanceof ApiError && err.shape.fields && err.shape.code === 'invalid_input')
        setFieldErrors(err.shape.fields);
      else setFormError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof typeof empty) => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) =>
      setValues({ ...values, [key]: e.currentTarget.value }),
    error: fieldErrors[key],
  });

  return (
    <Modal opened={opened} onClose={close} title="Add a BigCommerce store" size="lg">
      <form onSubmit={submit} data-testid="add-store-form">
        <Stack>
          <TextInput
            label="Display name"
            description="How this store appears in Storebridge"
            required
            data-autofocus
            data-testid="store-name"
            {...field('name')}
          />
          <TextInput
            label="Store hash"
            description="From the API path https://api.bigcommerce.com/stores/{store hash}/v3/"
            required
            data-testid="store-hash"
            {...field('storeHash')}
          />
          <PasswordInput
            label="Access token"
            description="Of a store-level API account with read-only scopes for Customers, Orders, Products and Information"
            required
            data-testid="store-token"
            {...field('accessToken')}
          />
          <PasswordInput
            label="Client secret"
            description={CLIENT_SECRET_HELP}
            autoComplete="off"
            data-testid="store-client-secret"
            {...field('clientSecret')}
          />
          <Accordion variant="contained" defaultValue={fieldErrors.apiBaseUrl ? 'advanced' : null}>
            <Accordion.Item value="advanced">
              <Accordion.Control data-testid="store-advanced">Advanced</Accordion.Control>
              <Accordion.Panel>
                <TextInput
                  label="API base URL"
                  description="Leave empty for BigCommerce (https://api.bigcommerce.com). Set it only for a proxy or the Storebridge sandbox."
                  placeholder="https://api.bigcommerce.com"
                  data-testid="store-api-base-url"
                  {...field('apiBaseUrl')}
                />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          {formError && (
            <Alert color="red" title="The store was not added" data-testid="add-store-error">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} data-testid="add-store-submit">
              Add store
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
