// The scribe's unsent line survives a reload: one draft per incident, in this machine's storage.

const key = (incidentId: string) => `commandPost.draft.${incidentId}`;

export function loadDraft(incidentId: string): string {
  try {
    return localStorage.getItem(key(incidentId)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(incidentId: string, text: string): void {
  try {
    if (text === '') localStorage.removeItem(key(incidentId));
    else localStorage.setItem(key(incidentId), text);
  } catch {
    // Storage full or disabled: the line is still in the box.
  }
}
