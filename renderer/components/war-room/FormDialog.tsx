import * as Dialog from '@radix-ui/react-dialog';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { SUBMIT } from '../../lib/shortcuts';
import { ChordHint } from '../ChordHint';
import { returnFocus } from '../focus-return';

interface Props {
  title: string;
  description?: ReactNode;
  testId: string;
  /** The submit button's words. */
  submitLabel: string;
  submitTone?: 'primary' | 'danger';
  canSubmit?: boolean;
  busy: boolean;
  error: string | null;
  size?: 'normal' | 'wide' | 'narrow';
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  /** Buttons beside Cancel and submit. */
  actions?: ReactNode;
  /** The form is kept across closes and reloads: Cancel becomes Discard and calls this first. */
  onDiscard?: () => void;
}

/**
 * Every war-room form: a radix dialog that is open while mounted. A refusal is shown above
 * the buttons and the fields keep what was typed; only success closes it. Ctrl+Enter submits.
 */
export function FormDialog(props: Props) {
  const { title, description, testId, submitLabel, submitTone = 'primary', canSubmit = true, busy, error, size = 'normal' } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit && !busy) props.onSubmit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (SUBMIT.matches(event.nativeEvent)) submit(event);
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className={`dialog wr-dialog wr-dialog-${size}`}
          data-testid={testId}
          onCloseAutoFocus={returnFocus}
        >
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          {description ? (
            <Dialog.Description className="dialog-description">{description}</Dialog.Description>
          ) : (
            <Dialog.Description className="visually-hidden">{title}</Dialog.Description>
          )}
          <form className="wr-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
            {props.children}
            {error && (
              <p className="form-error" role="alert" data-testid="dialog-error">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              {props.actions}
              <Dialog.Close asChild>
                <button
                  type="button"
                  className="btn btn-quiet"
                  title={props.onDiscard ? 'Throws the draft away; Escape closes and keeps it' : undefined}
                  onClick={props.onDiscard}
                >
                  {props.onDiscard ? 'Discard' : 'Cancel'}
                </button>
              </Dialog.Close>
              <button
                type="submit"
                className={`btn ${submitTone === 'danger' ? 'btn-danger' : 'btn-primary'}`}
                data-testid="dialog-submit"
                aria-keyshortcuts={SUBMIT.aria}
                disabled={!canSubmit || busy}
              >
                {busy ? 'Saving…' : submitLabel} <ChordHint chord={SUBMIT} />
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
