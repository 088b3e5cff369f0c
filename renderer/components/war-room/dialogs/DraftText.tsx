import { useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../../shared/contract/limits';
import { limitCounter } from '../../../lib/text-limit';
import { LengthCounter } from '../../LengthCounter';
import { useLengthGuard } from '../../use-length-guard';

interface Props {
  value: string;
  onChange: (body: string) => void;
}

/** The update's text: its length always shown, counted against the limit near it, never past it. */
export function DraftText({ value, onChange }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useLengthGuard(box, { max: LIMITS.entryText, label: 'An update', onRefuse: setRefused });
  useEffect(() => setRefused(null), [value]);
  const near = limitCounter(value.length, LIMITS.entryText) !== null;
  return (
    <div className="draft-text-box" ref={box}>
      <textarea dir="auto" className="input draft-text" data-testid="draft-body" aria-label="Update text" autoFocus value={value} onChange={(e) => onChange(e.target.value)} />
      <span className="draft-count">
        {refused && (
          <span className="field-limit" role="status" data-testid="field-limit">
            {refused}
          </span>
        )}
        {near ? <LengthCounter length={value.length} max={LIMITS.entryText} /> : `${value.trim().length.toLocaleString()} characters`}
      </span>
    </div>
  );
}
