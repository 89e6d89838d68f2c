// Runs in: renderer. Owns: re-estimating an export while the user changes its resources and dates: it waits
// until they stop changing them (debounce), and only the answer to the latest choices is shown.
export interface ReestimateHandlers<R> {
  /** True from the first change until the latest choices' answer arrived (or was cancelled). */
  pending(updating: boolean): void;
  result(r: R): void;
  error(err: unknown): void;
}

export class Reestimator<I, R> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every request and cancel: an answer carrying an older number is for choices no longer shown. */
  private seq = 0;

  constructor(
    private readonly estimate: (input: I) => Promise<R>,
    private readonly on: ReestimateHandlers<R>,
    private readonly delayMs = 400,
  ) {}

  /** The choices changed: estimate them once they have been left alone for `delayMs`. */
  request(input: I): void {
    this.clearTimer();
    const seq = ++this.seq;
    this.on.pending(true);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.estimate(input).then(
        (r) => this.settle(seq, () => this.on.result(r)),
        (err: unknown) => this.settle(seq, () => this.on.error(err)),
      );
    }, this.delayMs);
  }

  /** Drops a waiting or running re-estimate (the targets changed, or an estimate was asked directly). */
  cancel(): void {
    this.clearTimer();
    this.seq++;
    this.on.pending(false);
  }

  private settle(seq: number, deliver: () => void): void {
    if (seq !== this.seq) return;
    this.on.pending(false);
    deliver();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
