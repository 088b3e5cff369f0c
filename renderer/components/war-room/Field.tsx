import type { ReactNode } from 'react';

interface Props {
  label: string;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A label over its input; the hint, if any, under it in small print. */
export function Field({ label, hint, children, className }: Props) {
  return (
    <label className={`field ${className ?? ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}
