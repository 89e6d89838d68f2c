// Runs in: renderer. Owns: the database integrity result shown above the bundle, with what to do if it fails.
import { Alert, List } from '@mantine/core';
import { integrityVerdicts } from './integrity';

export function IntegrityCard({ excerpt }: { excerpt: string | undefined }) {
  const verdicts = integrityVerdicts(excerpt);
  if (!verdicts)
    return (
      <Alert color="gray" title="No integrity check in this bundle" data-testid="diagnostics-integrity" />
    );
  const bad = verdicts.filter((v) => !v.ok);
  return (
    <Alert
      color={bad.length ? 'red' : 'green'}
      title={bad.length ? 'The database check found problems' : 'Databases are intact'}
      data-testid="diagnostics-integrity"
      data-ok={bad.length === 0}
    >
      <List size="sm">
        {verdicts.map((v) => (
          <List.Item key={v.file}>
            {v.file}: {v.ok ? 'integrity check ok' : v.problems.join('; ')}
          </List.Item>
        ))}
      </List>
      {bad.length > 0 &&
        'Save the bundle and send it to support; keep a copy of the workspace folder before repairing.'}
    </Alert>
  );
}
