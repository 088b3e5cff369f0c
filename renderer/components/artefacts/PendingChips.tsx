import type { PendingFile } from '../../lib/artefact-paste';
import { formatBytes } from '../../lib/files';
import './artefacts.css';

interface Props {
  pending: readonly PendingFile[];
  onRemove: (key: string) => void;
  /** A snippet put back in the box as text (to log it as a note, or in parts). */
  onAsText: (file: PendingFile) => void;
}

/** What goes with the next line, each removable before it is sent. */
export function PendingChips({ pending, onRemove, onAsText }: Props) {
  if (pending.length === 0) return null;
  return (
    <ul className="af-pending" data-testid="pending-attachments" aria-label="Files to attach with this entry">
      {pending.map((p) => (
        <li key={p.key} className="af-chip" data-testid="pending-attachment" title={p.snippet === null ? p.name : `${p.name}: the pasted log, kept as a file`}>
          <span className="af-chip-name">{p.name}</span>
          <span className="af-chip-size">{formatBytes(p.size)}</span>
          {p.snippet !== null && (
            <button type="button" data-testid="pending-as-text" title="Put the pasted text in the box instead" onClick={() => onAsText(p)}>
              as text
            </button>
          )}
          <button type="button" data-testid="pending-remove" aria-label={`Remove ${p.name}`} onClick={() => onRemove(p.key)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
