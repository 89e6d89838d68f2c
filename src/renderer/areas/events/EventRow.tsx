// Runs in: renderer. Owns: one fixed-height row of the event log. Plain elements with shared class names, not
// Mantine components: a scroll re-renders every visible row, and this keeps each frame short.
import { memo } from 'react';
import type { EventSummary } from '../../state/events-store';
import classes from './EventRow.module.css';

export const ROW_HEIGHT = 34;

/** Local time as 2026-01-31 14:05:09: sortable, fixed width, one line. */
export function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

interface Props {
  e: EventSummary;
  selected: boolean;
  where: string;
}

export const EventRow = memo(function EventRow({ e, selected, where }: Props) {
  return (
    <div
      className={classes.row}
      data-selected={selected || undefined}
      data-testid="event-row"
      data-event-id={e.id}
      data-type={e.type}
    >
      <span className={classes.at}>{stamp(e.at)}</span>
      <span className={classes.level} data-level={e.level}>
        {e.level}
      </span>
      <span className={classes.type}>{e.type}</span>
      <span className={classes.where}>{where}</span>
      <span className={classes.message}>
        {e.recordType && e.recordId ? `[${e.recordType} ${e.recordId}] ` : ''}
        {e.message}
      </span>
    </div>
  );
});
