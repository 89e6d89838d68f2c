// Runs in: renderer. Owns: the live preview: five real records of the store, what the mapping reads beside
// what it would send, with each record's problems.
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useApi } from '../../state/api-context';
import { useMapping } from '../../state/mapping-store';

const show = (v: unknown) =>
  v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

export function MappingPreview() {
  const api = useApi();
  const { preview, previewing, runPreview, catalogue } = useMapping();
  return (
    <Stack gap="sm" data-testid="mapping-preview">
      <Group justify="space-between">
        <Text fw={600}>Preview with five real records</Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconEye size={14} />}
          loading={previewing}
          disabled={!catalogue}
          onClick={() => void runPreview(api, 5)}
          data-testid="mapping-preview-run"
        >
          Preview
        </Button>
      </Group>
      {preview && preview.rows.length === 0 && (
        <Alert color="gray" data-testid="mapping-preview-empty">
          No records of this kind were read from the store yet: run a sync first, then preview.
        </Alert>
      )}
      {preview && preview.rows.length > 0 && (
        <Text size="sm" c={preview.failing ? 'red' : 'dimmed'} data-testid="mapping-preview-summary">
          {preview.rows.length} records, {preview.failing} with errors.
        </Text>
      )}
      {preview?.rows.map((r) => (
        <Card key={r.recordId} withBorder padding="xs" data-testid="preview-record">
          <Text size="xs" c="dimmed" mb={4}>
            Record {r.recordId}
          </Text>
          <SimpleGrid cols={2} spacing="xs">
            <div>
              <Text size="xs" fw={600}>
                BigCommerce (before)
              </Text>
              {Object.entries(r.before).map(([k, v]) => (
                <Text key={k} size="xs" ff="monospace" data-testid="preview-before">
                  {k.replace(/^bc\./, '')}: {show(v)}
                </Text>
              ))}
            </div>
            <div>
              <Text size="xs" fw={600}>
                Sent to the platform (after)
              </Text>
              {Object.entries(r.after).map(([k, v]) => (
                <Text key={k} size="xs" ff="monospace" data-testid="preview-after" data-target={k}>
                  {k}: {show(v)}
                </Text>
              ))}
            </div>
          </SimpleGrid>
          {r.issues.map((i) => (
            <Text key={`${i.target}:${i.message}`} size="xs" c={i.severity === 'error' ? 'red' : 'orange.8'}>
              {i.target}: {i.message}
            </Text>
          ))}
        </Card>
      ))}
    </Stack>
  );
}
