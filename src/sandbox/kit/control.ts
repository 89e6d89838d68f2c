// Runs in: Node (tests, CLI, e2e). Owns: a small typed client for the /__sim/ control routes.
import type { Fault } from './faults.js';

export class SimControl {
  constructor(private readonly baseUrl: string) {}

  async fault(fault: Fault): Promise<number> {
    const res = await this.call('POST', '/__sim/faults', fault);
    return ((await res.json()) as { id: number }).id;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/__sim/faults');
  }

  async reset(): Promise<void> {
    await this.call('POST', '/__sim/reset');
  }

  async state<T = unknown>(): Promise<T> {
    return (await (await this.call('GET', '/__sim/state')).json()) as T;
  }

  async requests(): Promise<Array<{ method: string; path: string; rawQuery: string; status: number }>> {
    return (await (await this.call('GET', '/__sim/requests')).json()) as never;
  }

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok)
      throw new Error(`simulator control ${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res;
  }
}
