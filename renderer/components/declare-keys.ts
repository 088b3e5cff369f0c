import type { KeyboardEvent } from 'react';
import { SEVERITIES, type Severity } from '../../shared/domain/incident';

/**
 * Keys inside the declare form that a person reaches for at 3 AM: on the severity choice, 1–4
 * pick SEV1–SEV4; Enter on a radio or checkbox declares, as it does in the text fields.
 */
export function declareFormKeys(event: KeyboardEvent<HTMLFormElement>, pick: (severity: Severity) => void, submit: () => void): void {
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || event.ctrlKey || event.metaKey || event.altKey) return;
  const digit = /^[1-4]$/.test(event.key) ? SEVERITIES[Number(event.key) - 1] : undefined;
  if (digit && target.type === 'radio' && target.name === 'severity') {
    event.preventDefault();
    pick(digit);
    target.form?.querySelector<HTMLInputElement>(`input[name="severity"][value="${digit}"]`)?.focus();
  } else if (event.key === 'Enter' && (target.type === 'radio' || target.type === 'checkbox')) {
    event.preventDefault();
    submit();
  }
}
