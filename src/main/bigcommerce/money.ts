// Runs in: main (Electron-free). Owns: money normalisation. v2 sends strings ("69.8400"), v3 sends floats
// (69.84); both become one decimal string with exactly 4 decimals, never a float after the edge.
export const MONEY_DECIMALS = 4;

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** "69.84", 69.84, "69.8400" -> "69.8400". Undefined when the value is not a finite decimal. */
export function toDecimal(value: string | number): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // toFixed(6) then rounding as text avoids binary artefacts such as 0.1 + 0.2.
    text = value.toFixed(6);
  } else text = value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const [, sign = '', int = '0', frac = ''] = m;
  const units = roundToUnits(int, frac, MONEY_DECIMALS);
  return formatUnits(sign === '-' ? -units : units, MONEY_DECIMALS);
}

/**
 * Integer minor units for a currency with `decimals` places (2 for USD, 0 for JPY, 3 for KWD), rounding
 * half away from zero. Takes the normalised decimal string, so no float is involved.
 */
export function toMinorUnits(decimal: string, decimals: number): number {
  const m = DECIMAL.exec(decimal.trim());
  if (!m) throw new Error(`Not a decimal amount: "${decimal}"`);
  const [, sign = '', int = '0', frac = ''] = m;
  const units = roundToUnits(int, frac, decimals);
  return sign === '-' ? -units : units;
}

function roundToUnits(int: string, frac: string, decimals: number): number {
  const padded = (frac + '0'.repeat(decimals + 1)).slice(0, decimals + 1);
  const whole = Number(int + padded.slice(0, decimals));
  return Number(padded[decimals]) >= 5 ? whole + 1 : whole;
}

function formatUnits(units: number, decimals: number): string {
  const neg = units < 0;
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return neg && units !== 0 ? `-${text}` : text;
}
