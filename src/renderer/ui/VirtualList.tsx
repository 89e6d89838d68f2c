// Runs in: renderer. Owns: a windowed list with a fixed row height: only the rows in view (plus a few) are in
// the DOM, so 100,000+ rows scroll as smoothly as 100. Arrow keys, Page Up/Down, Home/End move the selection.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

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
  const { items, rowHeight, height, overscan = 8, selected } = p;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  const reveal = useCallback(
    (i: number) => {
      const el = ref.current;
      if (!el) return;
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
        key={i}
        role="row"
        aria-rowindex={i + 1}
        aria-selected={i === selected}
        style={{ position: 'absolute', top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}
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
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid={p.testId}
      data-rendered={last - first}
      style={{ height, overflowY: 'auto', position: 'relative', outlineOffset: -2 }}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
