import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { ArtefactRecord } from '../../../shared/domain/incident';
import { artefactToken, PLACEABLE_SECTION_TITLES, type PlaceableSection } from '../../../shared/domain/review/artefact-placement';
import { formatBytes } from '../../lib/files';
import { formatMoment, formatUtc } from '../../lib/time';
import { ArtefactFace } from '../artefacts/ArtefactThumb';
import '../artefacts/artefacts.css';

interface Props {
  incidentId: string;
  /** The field it goes into, as the dialog names it: "What caused it". */
  fieldLabel: string;
  /** What may be placed (not on a struck line), in the order attached. */
  artefacts: readonly ArtefactRecord[];
  /** Where each one is placed already. */
  placed: ReadonlyMap<string, PlaceableSection>;
  onPick: (artefact: ArtefactRecord) => void;
  /** Back to the text at the cursor, once the dialog has closed. */
  onClosed: () => void;
  testId: string;
}

/**
 * "Insert artefact": the incident's files as tiles; choosing one writes its `[[artefact:ID]]`
 * token at the cursor of the field (see artefact-placement.ts), which the exports render there.
 */
export function InsertArtefact({ incidentId, fieldLabel, artefacts, placed, onPick, onClosed, testId }: Props) {
  const [open, setOpen] = useState(false);
  const now = Date.now();
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="btn btn-quiet btn-small pm-insert" data-testid={testId} disabled={artefacts.length === 0} title={artefacts.length === 0 ? 'Nothing is attached to this incident yet' : undefined}>
          Insert artefact
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog pm-picker"
          data-testid="artefact-picker"
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            onClosed();
          }}
        >
          <Dialog.Title className="dialog-title">Insert an artefact: {fieldLabel}</Dialog.Title>
          <Dialog.Description className="dialog-description">
            Goes in at the cursor as <code>{artefactToken('…')}</code>; the exported post-mortem (HTML and Markdown) shows the file there.
          </Dialog.Description>
          <ul className="pm-picker-list" aria-label="Artefacts of this incident">
            {artefacts.map((a) => {
              const where = placed.get(a.id);
              return (
                <li key={a.id}>
                  <button
                    type="button"
                    className={`pm-pick is-${a.mime.startsWith('image/') ? 'image' : a.mime === 'text/plain' ? 'text' : 'file'}`}
                    data-testid="artefact-pick"
                    data-artefact-name={a.name}
                    onClick={() => {
                      onPick(a);
                      setOpen(false);
                    }}
                  >
                    <span className="pm-pick-face" aria-hidden="true">
                      <ArtefactFace incidentId={incidentId} artefact={a} lines={4} />
                    </span>
                    <span className="pm-pick-text">
                      <span className="pm-pick-name">{a.name}</span>
                      <span className="pm-pick-facts" title={formatUtc(a.at)}>
                        {formatBytes(a.size)} · {a.by} · {formatMoment(a.at, now)}
                      </span>
                      {where && <span className="pm-pick-placed">Placed in {PLACEABLE_SECTION_TITLES[where]}</span>}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn">
                Cancel
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
