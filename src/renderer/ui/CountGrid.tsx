// Runs in: renderer. Owns: a row of counts, each a large figure over its label, as a preview or a result
// summarises what it found (the consent impact, an access request).
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { count } from './format';

export function CountGrid({ figures }: { figures: Array<[label: string, n: number]> }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }}>
      {figures.map(([label, n]) => (
        <Stack key={label} gap={0}>
          <Text size="xl" fw={700}>
            {count(n)}
          </Text>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
