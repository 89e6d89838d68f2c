// Runs in: renderer. Owns: the bundle's files, each with its size and the first lines of what it holds.
import { Accordion, Code, Group, Text } from '@mantine/core';
import { bytes } from '../../ui/format';

const about: Record<string, string> = {
  'system.json': 'app and OS versions, keychain backend',
  'workspace.json': 'workspace settings',
  'configuration.json': 'stores, accounts and connections, secrets redacted',
  'queue.json': 'queue and delivery statistics per connection',
  'events.json': 'recent events',
  'integrity.json': 'SQLite integrity check of each database',
  'storebridge.log': 'the end of the log, sanitised',
  'manifest.json': 'every file with its size and sha256',
};

export function BundleFiles({ files }: { files: Array<{ name: string; size: number; excerpt: string }> }) {
  return (
    <Accordion variant="separated" multiple data-testid="diagnostics-files">
      {files.map((f) => (
        <Accordion.Item key={f.name} value={f.name} data-testid="diagnostics-file" data-name={f.name}>
          <Accordion.Control>
            <Group gap="sm">
              <Text size="sm" ff="monospace" fw={500}>
                {f.name}
              </Text>
              <Text size="xs" c="dimmed">
                {bytes(f.size)}
                {about[f.name] ? ` · ${about[f.name]}` : ''}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Code block data-testid="diagnostics-excerpt">
              {f.excerpt || '(empty)'}
            </Code>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
