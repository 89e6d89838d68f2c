// Runs in: main (Electron-free). Owns: the date transform. Instants (timestamps) are shown in the transform's
// time zone; calendar dates (a birthday, "1990-05-14") stay the same day whatever the zone.
import { parseBcDate } from '../../bigcommerce/dates.js';
import type { Value } from '../model.js';
import { fail, isEmpty, ok, show, type StepResult } from './result.js';
import type { SpecOf } from './spec.js';
import { PATTERN_TOKEN } from './spec.js';
import { instantOf, offsetMinutes, partsIn, type Parts } from './tz.js';

/** Either a real instant, or a day on the calendar that belongs to no zone. */
type Read = { kind: 'instant'; ms: number } | { kind: 'calendar'; year: number; month: number; day: number };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toDate(v: Value, spec: SpecOf<'date'>): StepResult {
  if (isEmpty(v)) return ok(v);
  const read = readDate(v, spec.inputPattern);
  if (!read) {
    const hint = spec.inputPattern
      ? ` (expected ${spec.inputPattern})`
      : '; set an input pattern such as dd/MM/yyyy';
    return fail(`${show(v)} is not a date${hint}`);
  }
  const tz = spec.timeZone;
  if (read.kind === 'calendar') {
    const parts: Parts = {
      year: read.year,
      month: read.month,
      day: read.day,
      hour: 0,
      minute: 0,
      second: 0,
      ms: 0,
    };
    switch (spec.format) {
      case 'date':
        return ok(formatPattern(parts, 'yyyy-MM-dd', 0));
      case 'pattern':
        return ok(formatPattern(parts, spec.pattern ?? 'yyyy-MM-dd', 0));
      default: {
        // A calendar date as an instant: its midnight in the transform's zone.
        const ms = instantOf(parts, tz);
        return formatInstant(ms, spec);
      }
    }
  }
  return formatInstant(read.ms, spec);
}

function formatInstant(ms: number, spec: SpecOf<'date'>): StepResult {
  const tz = spec.timeZone;
  switch (spec.format) {
    case 'epoch_s':
      return ok(Math.floor(ms / 1000));
    case 'epoch_ms':
      return ok(ms);
    case 'iso': {
      const off = offsetMinutes(ms, tz);
      return ok(formatPattern(partsIn(ms, tz), "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", off));
    }
    case 'date':
      return ok(formatPattern(partsIn(ms, tz), 'yyyy-MM-dd', 0));
    case 'pattern':
      return ok(formatPattern(partsIn(ms, tz), spec.pattern ?? 'yyyy-MM-dd', offsetMinutes(ms, tz)));
  }
}

function readDate(v: Value, inputPattern: string | undefined): Read | undefined {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    // Epoch seconds until the year 5138; beyond that the number can only be milliseconds.
    return { kind: 'instant', ms: Math.abs(v) < 1e11 ? v * 1000 : v };
  }
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  const d = DATE_ONLY.exec(s);
  if (d) return calendar(Number(d[1]), Number(d[2]), Number(d[3]));
  if (inputPattern) {
    const p = parsePattern(s, inputPattern);
    if (p) return p;
  }
  const ms = parseBcDate(s);
  return ms === undefined ? undefined : { kind: 'instant', ms };
}

function calendar(year: number, month: number, day: number): Read | undefined {
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return { kind: 'calendar', year, month, day };
}

function parsePattern(s: string, pattern: string): Read | undefined {
  const fields: string[] = [];
  let re = '';
  let last = 0;
  for (const m of pattern.matchAll(PATTERN_TOKEN)) {
    re += escape(pattern.slice(last, m.index));
    const t = m[0];
    if (t.startsWith("'")) re += escape(t.slice(1, -1));
    else {
      fields.push(t);
      re +=
        t === 'yyyy'
          ? '(\\d{4})'
          : t === 'SSS'
            ? '(\\d{3})'
            : t === 'XXX'
              ? '(Z|[+-]\\d{2}:\\d{2})'
              : '(\\d{1,2})';
    }
    last = m.index + t.length;
  }
  re += escape(pattern.slice(last));
  const m = new RegExp(`^${re}$`).exec(s);
  if (!m) return undefined;
  const got: Record<string, string> = {};
  fields.forEach((f, i) => (got[f[0]!] = m[i + 1]!));
  const yy = got['y'];
  const year = yy === undefined ? NaN : yy.length === 2 ? 2000 + Number(yy) : Number(yy);
  const month = Number(got['M'] ?? NaN);
  const day = Number(got['d'] ?? NaN);
  const cal = calendar(year, month, day);
  if (!cal || cal.kind !== 'calendar') return undefined;
  if (got['H'] === undefined) return cal;
  const wall = Date.UTC(year, month - 1, day, Number(got['H']), Number(got['m'] ?? 0), Number(got['s'] ?? 0));
  const x = got['X'];
  // A time without an offset is a wall-clock time in UTC: the transform never reads the machine's zone.
  const off =
    !x || x === 'Z' ? 0 : (x[0] === '-' ? -1 : 1) * (Number(x.slice(1, 3)) * 60 + Number(x.slice(4, 6)));
  return { kind: 'instant', ms: wall - off * 60_000 };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatPattern(p: Parts, pattern: string, offsetMin: number): string {
  return pattern.replace(PATTERN_TOKEN, (t) => {
    switch (t) {
      case 'yyyy':
        return pad(p.year, 4);
      case 'yy':
        return pad(p.year % 100);
      case 'MM':
        return pad(p.month);
      case 'M':
        return String(p.month);
      case 'dd':
        return pad(p.day);
      case 'd':
        return String(p.day);
      case 'HH':
        return pad(p.hour);
      case 'H':
        return String(p.hour);
      case 'mm':
        return pad(p.minute);
      case 'ss':
        return pad(p.second);
      case 'SSS':
        return pad(p.ms, 3);
      case 'XXX': {
        if (offsetMin === 0) return 'Z';
        const a = Math.abs(offsetMin);
        return `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
      }
      default:
        return t.slice(1, -1);
    }
  });
}
