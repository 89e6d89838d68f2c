// Runs in: renderer. Owns: a windowed list with a fixed row height: only the rows in view (plus a few) are in
// the DOM, so 100,000+ rows scroll as smoothly as 100. Arrow keys, Page Up/Down, Home/End move the selection.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

interface Props<T> {
  items: T[];
  rowHeight: number;
  height: number;
  overscan?: number;
  selected: number;
  onSelect(index: number): void;
  onActivate?(index: number): void;
  renderRow(item: T, index: number, selected: boolean): ReactNode;
  label: string;
  testId?: string;
}

export function VirtualList<T>(p: Props<T>) {
  // Rows render within the scroll event (below), so the margin only covers what a compositor-driven scroll shows
  // before the main thread catches up; each extra row is work in every frame of a long scroll.
  const { items, rowHeight, height, overscan = 4, selected } = p;
  const ref = useRef<HTMLDivElement>(null);
  // The first row in view, not the scroll offset: a scroll within one row changes nothing and renders nothing.
  const [top, setTop] = useState(0);
  const inView = Math.ceil(height / rowHeight) + 1;
  const first = Math.max(0, top - overscan);
  const last = Math.min(items.length, top + inView + overscan);
  // Rows are keyed by slot, not index, so a long jump reuses the same DOM nodes with new text instead of
  // unmounting and creating every row.
  const slots = inView + 2 * overscan;

  const reveal = useCallback(
    (i: number) => {
      const el = ref.current;
      // Nothing selected: reading scrollTop would force a layout in the middle of the first render.
      if (!el || i < 0) return;
      const top = i * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
    },
    [rowHeight, height],
  );
  useEffect(() => reveal(selected), [selected, reveal]);

  const onKey = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowUp: selected - 1,
      PageDown: selected + page,
      PageUp: selected - page,
      Home: 0,
      End: items.length - 1,
    };
    if (e.key === 'Enter' && selected >= 0) {
      p.onActivate?.(selected);
      e.preventDefault();
      return;
    }
    const to = moves[e.key];
    if (to === undefined || items.length === 0) return;
    e.preventDefault();
    p.onSelect(Math.max(0, Math.min(items.length - 1, to)));
  };

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div
        key={i % slots}
        role="row"
        aria-rowindex={i + 1}
        aria-selected={i === selected}
        style={{
          position: 'absolute',
          top: i * rowHeight,
          height: rowHeight,
          left: 0,
          right: 0,
        }}
        onClick={() => p.onSelect(i)}
        onDoubleClick={() => p.onActivate?.(i)}
      >
        {p.renderRow(items[i]!, i, i === selected)}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      role="grid"
      aria-label={p.label}
      aria-rowcount={items.length}
      tabIndex={0}
      onKeyDown={onKey}
      // Rendered within the scroll event, so the frame that scrolled also paints the new rows (a scheduled
      // update would paint one frame of empty space first).
      onScroll={(e) => {
        const next = Math.floor(e.currentTarget.scrollTop / rowHeight);
        if (next !== top) flushSync(() => setTop(next));
      }}
      data-testid={p.testId}
      data-rendered={last - first}
      style={{ height, overflowY: 'auto', position: 'relative', outlineOffset: -2, contain: 'strict' }}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
