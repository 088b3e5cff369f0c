import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { SaveBar } from './SaveBar';
import type { SettingsForm } from './use-settings-form';

interface Props {
  /** The id of the card's heading, which names the form. */
  titleId: string;
  testId: string;
  form: Pick<SettingsForm<unknown>, 'dirty' | 'state' | 'save' | 'discard'>;
  children: ReactNode;
}

/**
 * A card saved on its own, for a section that holds more than one form (Alert sources: the
 * followed Alertmanager through `intake.configurePull`, the rules through `settings.update`).
 * Same save bar and Ctrl+S as a whole section, for this card alone.
 */
export function SubForm({ titleId, testId, form, children }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      event.stopPropagation();
      formRef.current?.requestSubmit();
    }
  };
  return (
    <form
      ref={formRef}
      className="card sub-form"
      aria-labelledby={titleId}
      data-testid={testId}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void form.save();
      }}
    >
      {children}
      <SaveBar dirty={form.dirty} state={form.state} onDiscard={form.discard} />
    </form>
  );
}
