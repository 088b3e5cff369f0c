import type { Chord } from '../lib/shortcuts';
import './ChordHint.css';

/** The chord printed on its button; hidden from screen readers, who get `aria-keyshortcuts`. */
export function ChordHint({ chord }: { chord: Chord }) {
  return (
    <kbd className="chord-hint" aria-hidden="true">
      {chord.label}
    </kbd>
  );
}
