import * as Dialog from '@radix-ui/react-dialog';
import { type FormEvent, type KeyboardEvent, useEffect, useState } from 'react';
import { isKnownOperator, samePerson } from '../../../shared/domain/operator';
import type { RosterPerson } from '../../../shared/domain/settings';
import { closeOperatorPrompt, useOperatorPrompt } from '../../store/operator-store';
import { saveRosterPerson, saveSettings, useSettings } from '../../store/settings-store';
import { browserTimeZone, type IdentityChoice, identityChoices } from './identity-choices';
import { IdentityChoiceList } from './IdentityChoiceList';
import { TimeZoneField } from './TimeZoneField';
import './identity.css';

interface Answer {
  name: string;
  contact: string;
  timeZone: string;
}

/**
 * "Who is at this console?" — asked on first start and whenever the operator switches. Every
 * change is signed with the answer. It cannot be dismissed by Escape or a stray click while
 * nobody is known; "Not now" is a visible choice, and the bar above the screen keeps asking.
 */
export function IdentityDialog() {
  const open = useOperatorPrompt((s) => s.open);
  const settings = useSettings((s) => s.settings);
  const known = settings !== null && isKnownOperator(settings.operatorName);
  return (
    <Dialog.Root open={open && settings !== null} onOpenChange={(next) => !next && closeOperatorPrompt()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog identity-dialog"
          data-testid="identity-dialog"
          onEscapeKeyDown={(event) => !known && event.preventDefault()}
          onPointerDownOutside={(event) => event.preventDefault()}
        >
          {open && settings && <IdentityForm current={known ? settings.operatorName : null} roster={settings.roster} savedZone={settings.operatorTimeZone} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function IdentityForm({ current, roster, savedZone }: { current: string | null; roster: RosterPerson[]; savedZone: string }) {
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [timeZone, setTimeZone] = useState(savedZone || browserTimeZone());
  const [addToRoster, setAddToRoster] = useState(true);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const choices = identityChoices(roster, name);
  // The highlighted line is the answer, whichever field Enter is pressed in.
  const picked = choices[active];
  useEffect(() => setActive(name.trim() === '' ? -1 : 0), [name]);

  async function answer({ name: typed, contact: reach, timeZone: zone }: Answer) {
    if (saving) return;
    if (!isKnownOperator(typed)) {
      setError('Type your name, or pick yourself from the roster.');
      return;
    }
    const onRoster = roster.find((p) => samePerson(p.name, typed));
    const operatorName = onRoster?.name ?? typed.trim();
    const operatorContact = reach.trim() || onRoster?.contact || '';
    setSaving(true);
    const saved = await saveSettings({ operatorName, operatorContact, operatorTimeZone: zone.trim() });
    if (saved.ok && !onRoster && addToRoster) {
      const added = await saveRosterPerson({ name: operatorName, contact: operatorContact, usualRoles: [] });
      if (!added.ok) {
        setSaving(false);
        setError(`Signed in as ${operatorName}, but adding you to the roster failed: ${added.error.message}`);
        return;
      }
    }
    setSaving(false);
    if (!saved.ok) {
      setError(saved.error.message);
      return;
    }
    closeOperatorPrompt();
  }

  const choose = (choice: IdentityChoice | undefined) => {
    if (!choice) return void answer({ name, contact, timeZone });
    if (choice.kind === 'new') return void answer({ name: choice.name, contact, timeZone });
    // A contact typed here wins over the roster's: it is the freshest.
    void answer({ name: choice.person.name, contact: contact.trim() || choice.person.contact, timeZone });
  };

  const onNameKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(choices.length - 1, i + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(choices[active]);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    choose(picked);
  };
  const answerName = picked?.kind === 'roster' ? picked.person.name : picked?.name;

  return (
    <>
      <Dialog.Title className="dialog-title">{current ? 'Switch operator' : 'Who is at this console?'}</Dialog.Title>
      <Dialog.Description className="dialog-description">
        {current
          ? `${current} is signed in. Whoever takes the keyboard signs from now on.`
          : 'Every change made here is signed with your name: entries, decisions, approvals. Pick yourself from the roster or type your name.'}
      </Dialog.Description>
      <form className="identity-form" onSubmit={submit} noValidate>
        <label className="field">
          <span className="field-label">Your name</span>
          <input
            className="input input-title"
            data-testid="identity-name"
            autoFocus
            autoComplete="off"
            role="combobox"
            aria-expanded={choices.length > 0}
            aria-controls={choices.length > 0 ? 'identity-choices' : undefined}
            aria-activedescendant={active >= 0 ? `identity-choice-${active}` : undefined}
            placeholder={roster.length > 0 ? 'Type to find yourself on the roster' : 'Full name'}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            onKeyDown={onNameKey}
          />
        </label>
        <IdentityChoiceList choices={choices} active={active} current={current} onHover={setActive} onChoose={choose} />
        <div className="field-row identity-row">
          <label className="field">
            <span className="field-label">Contact</span>
            <input
              className="input"
              data-testid="identity-contact"
              value={contact}
              placeholder="Phone, Slack handle or pager"
              onChange={(e) => setContact(e.target.value)}
            />
          </label>
          <TimeZoneField value={timeZone} onChange={setTimeZone} />
        </div>
        {picked?.kind === 'new' && (
          <label className="declare-detect">
            <input type="checkbox" data-testid="identity-add-roster" checked={addToRoster} onChange={(e) => setAddToRoster(e.target.checked)} />
            <span>
              Add {picked.name} to the roster
              <small>So the next shift can pick them for a role.</small>
            </span>
          </label>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="identity-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {current ? (
            <Dialog.Close asChild>
              <button type="button" className="btn btn-quiet">
                Cancel
              </button>
            </Dialog.Close>
          ) : (
            <button type="button" className="btn btn-quiet identity-later" data-testid="identity-later" onClick={closeOperatorPrompt}>
              Not now — sign as “Unknown operator”
            </button>
          )}
          <button type="submit" className="btn btn-primary" data-testid="identity-submit" disabled={saving}>
            {saving ? 'Saving…' : answerName ? `Continue as ${answerName}` : 'Continue'}
          </button>
        </div>
      </form>
      <p className="identity-keys">
        <kbd>↑</kbd>
        <kbd>↓</kbd> choose · <kbd>Enter</kbd> sign in as the highlighted name · <kbd>Tab</kbd> contact and time zone
      </p>
    </>
  );
}
