// Reaching the person when the page is behind other windows: a desktop notification and,
// only when settings say so, a short tone. In Electron the main process already shows a
// native notification for every fired deadline, so the page does not add a second one.

export function inElectron(): boolean {
  return typeof window !== 'undefined' && window.commandPost !== undefined;
}

export function canAskForDesktopAlerts(): boolean {
  return !inElectron() && typeof Notification !== 'undefined' && Notification.permission === 'default';
}

/** Must run inside a user gesture (a click), or the browser ignores it. */
export async function askForDesktopAlerts(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

export function showDesktopAlert(title: string, body: string, tag: string): void {
  if (inElectron() || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag, requireInteraction: true });
  } catch {
    // Some platforms allow notifications only from a service worker; the banner still shows.
  }
}

let audio: AudioContext | null = null;

/** Two short beeps. Browsers may keep audio muted until the page has had a click. */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    const ctx = audio;
    for (const offset of [0, 0.28]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, ctx.currentTime + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + offset + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + offset);
      osc.stop(ctx.currentTime + offset + 0.22);
    }
  } catch {
    // No audio device: the banner and the title still say it.
  }
}
