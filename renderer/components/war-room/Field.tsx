import { type ReactNode, useEffect, useRef, useState } from 'react';
import { limitCounter } from '../../lib/text-limit';
import { LengthCounter } from '../LengthCounter';
import { useLengthGuard } from '../use-length-guard';

interface Props {
  label: string;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
  /** The most characters the field takes (shared/contract/limits): counted near it, refused past it. */
  max?: number;
  /** The field's text, for the counter. */
  value?: string;
}

/** A label over its input; the hint, if any, under it in small print, then the limit when near. */
export function Field({ label, hint, children, className, max, value }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useLengthGuard(box, { max: max ?? Number.POSITIVE_INFINITY, label, onRefuse: setRefused });
  // A refusal answers the last attempt; it goes once the text changes.
  useEffect(() => setRefused(null), [value]);
  const counted = max !== undefined && value !== undefined ? { length: value.length, max } : null;
  const near = counted !== null && limitCounter(counted.length, counted.max) !== null;
  return (
    <div className={`field ${className ?? ''}`} ref={box}>
      <label className="field-control">
        <span className="field-label">{label}</span>
        {children}
        {hint && <span className="field-hint">{hint}</span>}
      </label>
      {(refused || near) && (
        <span className="field-limits">
          {refused && (
            <span className="field-limit" role="status" data-testid="field-limit">
              {refused}
            </span>
          )}
          {near && counted && <LengthCounter {...counted} />}
        </span>
      )}
    </div>
  );
}
