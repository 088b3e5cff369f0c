import * as Dialog from '@radix-ui/react-dialog';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useOpenIncident } from '../../store/open-incident-store';
import { useRoute } from '../../store/route-store';
import { setPaletteOpen, useWarRoom } from '../../store/war-room-store';
import { returnFocus } from '../focus-return';
import { takeEntryFocusRequest } from './focus-entry';
import { matchActions, type PaletteAction, paletteActions } from './palette-actions';
import './palette.css';

/** Ctrl/Cmd+K anywhere: every war-room action, searchable, run with the arrow keys and Enter. */
export function CommandPalette() {
  const open = useWarRoom((s) => s.paletteOpen);
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      // Over another dialog the palette would fight it for focus; finish that one first.
      if (!useWarRoom.getState().paletteOpen && document.querySelector('[role="dialog"]')) return;
      setPaletteOpen(!useWarRoom.getState().paletteOpen);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <Dialog.Root open={open} onOpenChange={setPaletteOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay cmd-palette-overlay" />
        <Dialog.Content
          className="cmd-palette"
          data-testid="command-palette"
          onCloseAutoFocus={(event) => {
            // "Log an entry" asked for the scribe's box; anything else returns to where the palette was opened.
            if (takeEntryFocusRequest()) event.preventDefault();
            else returnFocus(event);
          }}
        >
          <Dialog.Title className="visually-hidden">Actions</Dialog.Title>
          <Dialog.Description className="visually-hidden">Type to find an action; arrow keys choose, Enter runs it.</Dialog.Description>
          {open && <PaletteBody />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PaletteBody() {
  const incident = useOpenIncident((s) => s.incident);
  useOpenIncident((s) => s.version);
  const view = useRoute((s) => s.view);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const shown = matchActions(paletteActions(incident, view), query);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const run = (action: PaletteAction | undefined) => {
    if (!action) return;
    setPaletteOpen(false);
    action.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };
    if (event.key in moves) {
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(shown.length - 1, Math.min(i, shown.length - 1) + moves[event.key]!)));
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(shown[current]);
    }
  };

  const grouped = query.trim() === '';
  let lastGroup = '';
  return (
    <>
      <input
        className="cmd-palette-input"
        data-testid="palette-input"
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={shown[current] ? `palette-${shown[current]!.id}` : undefined}
        placeholder={incident ? `Do something on ${incident.id}…` : 'Type an action…'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="cmd-palette-list" id="palette-list" role="listbox" ref={list} aria-label="Actions">
        {shown.length === 0 && <li className="cmd-palette-none">No action matches “{query}”.</li>}
        {shown.map((action, i) => {
          const heading = grouped && action.group !== lastGroup ? action.group : null;
          lastGroup = action.group;
          return (
            <li key={action.id} role="presentation">
              {heading && <span className="cmd-palette-group">{heading}</span>}
              <div
                id={`palette-${action.id}`}
                role="option"
                aria-selected={i === current}
                data-index={i}
                data-testid="palette-option"
                className={`cmd-palette-option${i === current ? ' is-active' : ''}`}
                onMouseMove={() => setActive(i)}
                onClick={() => run(action)}
              >
                <span className="cmd-palette-label">{action.label}</span>
                {!grouped && <span className="cmd-palette-tag">{action.group}</span>}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="cmd-palette-foot">
        <kbd>↑</kbd>
        <kbd>↓</kbd> choose · <kbd>Enter</kbd> run · <kbd>Esc</kbd> close
      </div>
    </>
  );
}
