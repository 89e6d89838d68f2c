// Runs in: Node (simulators). Owns: the three documented merge options for data fields on update:
// overwrite everything, overwrite only with non-empty values, or fill only fields that are empty.

export type MergeOption = 'overwrite' | 'overwrite-if-not-empty' | 'overwrite-if-empty';

const empty = (v: unknown): boolean => v === null || v === undefined || v === '';

export function mergeFields(
  target: Record<string, unknown>,
  incoming: Record<string, unknown>,
  option: MergeOption,
): void {
  for (const [k, v] of Object.entries(incoming)) {
    if (option === 'overwrite-if-not-empty' && empty(v)) continue;
    if (option === 'overwrite-if-empty' && !empty(target[k])) continue;
    if (v === null) delete target[k];
    else target[k] = v;
  }
}

/** v2 address-book imports number the same options 0, 1, 2. */
export const v2MergeOptions: Record<string, MergeOption> = {
  '0': 'overwrite',
  '1': 'overwrite-if-not-empty',
  '2': 'overwrite-if-empty',
};
