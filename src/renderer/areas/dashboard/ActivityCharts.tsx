// Runs in: renderer. Owns: the dashboard's charts over time: records delivered per minute (throughput) and
// queue depth with dead letters, from the ring buffer the status polling fills.
import '@mantine/charts/styles.css';
import { AreaChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useMetrics } from '../../state/metrics-store';

const clock = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function ActivityCharts() {
  const samples = useMetrics((s) => s.samples);
  const follow = useMetrics((s) => s.follow);
  useEffect(() => follow(), [follow]);
  const data = samples.map((s) => ({
    time: clock(s.at),
    'records/min': s.perMinute,
    queued: s.queued,
    'dead letters': s.dead,
  }));
  const delivered = samples.reduce((n, s) => n + s.delivered, 0);
  const last = samples[samples.length - 1];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="dashboard-charts" data-samples={samples.length}>
      <Card withBorder>
        <Stack gap={4}>
          <Text fw={600}>Throughput</Text>
          <Text size="xs" c="dimmed" data-testid="chart-throughput-total">
            {delivered.toLocaleString('en-US')} records delivered while this screen was open
          </Text>
          <AreaChart
            h={160}
            data={data}
            dataKey="time"
            series={[{ name: 'records/min', color: 'indigo.6' }]}
            curveType="monotone"
            withDots={false}
            role="img"
            aria-label="Records delivered per minute over time"
            data-testid="chart-throughput"
          />
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap={4}>
          <Text fw={600}>Queue depth</Text>
          <Text size="xs" c="dimmed" data-testid="chart-queue-now">
            now {last?.queued ?? 0} queued, {last?.dead ?? 0} dead letters
          </Text>
          <LineChart
            h={160}
            data={data}
            dataKey="time"
            series={[
              { name: 'queued', color: 'blue.6' },
              { name: 'dead letters', color: 'red.6' },
            ]}
            curveType="stepAfter"
            withDots={false}
            role="img"
            aria-label="Queue depth and dead letters over time"
            data-testid="chart-queue"
          />
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
