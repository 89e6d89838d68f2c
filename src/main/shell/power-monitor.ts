// Runs in: Electron main. Owns: turning OS sleep/wake (and a clock jump noticed by our own timer) into one
// "re-plan now" callback for the scheduler's catch-up planner.
import type { PowerMonitor } from 'electron';
import { ClockJumpDetector, systemClockSample, type ClockJump } from '../desktop/clock-jump.js';

export interface PowerDeps {
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>;
  onSuspend(): void;
  /** `reason`: 'resume' from the OS, or the jump the detector saw. */
  onWake(reason: 'resume' | ClockJump): void;
  checkEveryMs?: number;
}

export function watchPower(deps: PowerDeps) {
  const detector = new ClockJumpDetector(systemClockSample);
  const suspend = () => deps.onSuspend();
  const resume = () => {
    detector.check(); // re-baseline so the timer does not report the same sleep again
    deps.onWake('resume');
  };
  // Not every sleep is announced (VMs, some Linux setups), and NTP or the user can move the clock.
  const timer = setInterval(() => {
    const jump = detector.check();
    if (jump.kind !== 'none') deps.onWake(jump);
  }, deps.checkEveryMs ?? 30_000);
  timer.unref?.();
  deps.powerMonitor.on('suspend', suspend);
  deps.powerMonitor.on('resume', resume);
  return {
    dispose(): void {
      clearInterval(timer);
      deps.powerMonitor.removeListener('suspend', suspend);
      deps.powerMonitor.removeListener('resume', resume);
    },
  };
}
