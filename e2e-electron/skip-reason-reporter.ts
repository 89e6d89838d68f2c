// Runs in: Node (Playwright runner). Owns: printing why a test was skipped, which the list reporter omits,
// so "1 skipped" on a machine without the Electron binary always comes with its reason.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    for (const a of test.annotations) {
      if (a.type === 'skip')
        console.log(`\n  skipped "${test.title}": ${a.description ?? '(no reason given)'}`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
