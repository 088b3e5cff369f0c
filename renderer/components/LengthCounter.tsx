import { limitCounter } from '../lib/text-limit';
import './LengthCounter.css';

/** `8,500 / 10,000` under a field once it is near its limit; nothing before. */
export function LengthCounter({ length, max }: { length: number; max: number }) {
  const counter = limitCounter(length, max);
  if (!counter) return null;
  return (
    <span className={`length-counter is-${counter.tone}`} data-testid="length-counter">
      {counter.text}
    </span>
  );
}
