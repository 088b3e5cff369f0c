// "Attach dashboards and log snippets now": asked once per incident on this machine.

const key = (incidentId: string) => `commandPost.artefactPrompt.${incidentId}`;

export function promptAnswered(incidentId: string): boolean {
  try {
    return localStorage.getItem(key(incidentId)) !== null;
  } catch {
    return false;
  }
}

export function answerPrompt(incidentId: string): void {
  try {
    localStorage.setItem(key(incidentId), String(Date.now()));
  } catch {
    // Storage full or disabled: it asks again next time, which is harmless.
  }
}
