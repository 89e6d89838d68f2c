// Runs in: renderer. Owns: telling the user plainly when no OS keychain is usable (nothing can be saved).
import { Alert } from '@mantine/core';
import { IconKeyOff } from '@tabler/icons-react';
import type { KeychainStatus } from '../../shared/contract/index';

export function KeychainBanner({ keychain }: { keychain: KeychainStatus }) {
  if (keychain.available) return null;
  return (
    <Alert
      color="red"
      icon={<IconKeyOff />}
      title="The OS keychain is not available"
      mb="md"
      data-testid="keychain-banner"
    >
      {keychain.message}
    </Alert>
  );
}
