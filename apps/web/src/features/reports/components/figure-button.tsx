import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

interface FigureButtonProps {
  /** The figure as shown: "12", "12.5". */
  children: ReactNode;
  /** Everything the number means, for screen readers and the tooltip-less: "Sessions delivered, Maya Thompson: 12". */
  label: string;
  onClick: () => void;
}

/** A figure of a report that opens the list of rows behind it. */
export function FigureButton({ children, label, onClick }: FigureButtonProps) {
  return (
    <Anchor component="button" type="button" fz="inherit" underline="always" aria-label={label} onClick={onClick} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {children}
    </Anchor>
  );
}
