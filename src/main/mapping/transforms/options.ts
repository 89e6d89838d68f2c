// Runs in: main (Electron-free). Owns: checkbox and radio answers as option indexes ("0", "1", ...) in the
// store's option order: the form Connectif expects for checkbox custom fields.
import type { Value } from '../model.js';
import { fail, isEmpty, ok, show, type StepResult } from './result.js';

/** Multi answers give string[] of indexes; a single answer gives one index string. */
export function toOptionIndex(v: Value, options: readonly string[] | undefined): StepResult {
  if (isEmpty(v)) return ok(v);
  if (!options || options.length === 0) {
    return fail('the source field has no known options, so answers cannot become option numbers');
  }
  const index = (answer: string): number => {
    const exact = options.indexOf(answer);
    if (exact >= 0) return exact;
    // Case and surrounding spaces are the usual drift between a definition and stored answers.
    const norm = answer.trim().toLowerCase();
    return options.findIndex((o) => o.trim().toLowerCase() === norm);
  };
  const answers = Array.isArray(v) ? v : [String(v)];
  const out: string[] = [];
  const unknown: string[] = [];
  for (const a of answers) {
    const i = index(a);
    if (i < 0) unknown.push(a);
    else out.push(String(i));
  }
  if (unknown.length > 0) {
    return fail(
      `${show(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not among the options ${show([...options])}`,
    );
  }
  return ok(Array.isArray(v) ? out : out[0]!);
}
