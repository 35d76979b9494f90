import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SplitterProps {
  /** What the splitter resizes, for screen readers ("Instruments panel width"). */
  readonly label: string;
  /** The panel's current width in CSS px. */
  readonly width: number;
  readonly min: number;
  readonly max: number;
  /** +1 when dragging right widens the panel (a left panel), -1 when it narrows it (a right panel). */
  readonly direction: 1 | -1;
  onResize(width: number): void;
}

const KEY_STEP = 16;

/**
 * A vertical drag handle on a panel's inner edge: drag it with the pointer, or focus it and
 * use ←/→ (Home/End for the bounds). An ARIA window splitter.
 */
export function Splitter({ label, width, min, max, direction, onResize }: SplitterProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    onResize(d.width + direction * (e.clientX - d.x));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? KEY_STEP : e.key === 'ArrowLeft' ? -KEY_STEP : 0;
    if (step) onResize(width + direction * step);
    else if (e.key === 'Home') onResize(min);
    else if (e.key === 'End') onResize(max);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className={direction > 0 ? 'splitter splitter-end' : 'splitter splitter-start'}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(width)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
