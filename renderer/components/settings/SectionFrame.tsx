import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { SaveBar } from './SaveBar';
import type { SettingsForm } from './use-settings-form';

interface Props {
  id: string;
  title: string;
  description: ReactNode;
  /** A section saved as a whole gets a form and a save bar; the roster saves person by person. */
  form?: Pick<SettingsForm<unknown>, 'dirty' | 'state' | 'save' | 'discard'>;
  actions?: ReactNode;
  children: ReactNode;
}

/** One settings section: a heading that stays, content that scrolls, and the save bar. */
export function SectionFrame({ id, title, description, form, actions, children }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const head = (
    <header className="section-head">
      <div className="section-head-text">
        <h2 className="section-title" id={`${id}-title`}>
          {title}
        </h2>
        <p className="section-description">{description}</p>
      </div>
      {actions && <div className="section-head-actions">{actions}</div>}
    </header>
  );
  if (!form) {
    return (
      <section className="section" aria-labelledby={`${id}-title`} data-testid={`settings-section-${id}`}>
        {head}
        <div className="section-scroll">{children}</div>
      </section>
    );
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };
  return (
    <form
      ref={formRef}
      className="section"
      aria-labelledby={`${id}-title`}
      data-testid={`settings-section-${id}`}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void form.save();
      }}
    >
      {head}
      <div className="section-scroll">{children}</div>
      <SaveBar dirty={form.dirty} state={form.state} onDiscard={form.discard} />
    </form>
  );
}
