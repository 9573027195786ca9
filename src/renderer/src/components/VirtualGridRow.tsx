/**
 * One body row of a virtualized grid (see useVirtualRows): placed at its offset, the grid's only tab stop
 * while active (roving tabindex), made active by focus, and opened by a click, which makes it active too.
 * Extra ARIA (selected, expanded, level) passes through.
 */
import type { AriaAttributes, ReactNode } from 'react';

interface VirtualGridRowProps extends Pick<AriaAttributes, 'aria-selected' | 'aria-expanded' | 'aria-level'> {
  readonly index: number;
  /** The row's offset from the top of the list, px. */
  readonly top: number;
  readonly height: number;
  readonly active: boolean;
  readonly onActivate: (index: number) => void;
  readonly onOpen?: () => void;
  readonly className?: string;
  readonly children: ReactNode;
}

export function VirtualGridRow({ index, top, height, active, onActivate, onOpen, className = 'grid-row grid-body-row', children, ...aria }: VirtualGridRowProps) {
  return (
    <div
      {...aria}
      className={className}
      role="row"
      data-index={index}
      data-active={active || undefined}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      style={{ transform: `translateY(${top}px)`, height }}
      onFocus={() => onActivate(index)}
      onClick={() => {
        onActivate(index);
        onOpen?.();
      }}
    >
      {children}
    </div>
  );
}
