// Numbers are typed as text so that a half-typed or wrong value stays on screen as typed.

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

/** `''` or `none` is null; otherwise a plain decimal number. */
export function parseOptionalNumber(text: string): Parsed {
  const t = text.trim().replace(',', '.');
  if (t === '' || t.toLowerCase() === 'none') return { ok: true, value: null };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, message: `"${text.trim()}" is not a number` };
  return { ok: true, value: Number(t) };
}

export function parseNumber(text: string, label: string): Parsed {
  const parsed = parseOptionalNumber(text);
  if (parsed.ok && parsed.value === null) return { ok: false, message: `${label} is empty` };
  return parsed;
}

export function numberText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** 0.05 → "3 s", 15 → "15 min", 90 → "1 h 30 min". */
export function describeMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 60) return `${Number(minutes.toFixed(2))} min`;
  const h = Math.floor(minutes / 60);
  const m = Number((minutes - h * 60).toFixed(2));
  return m ? `${h} h ${m} min` : `${h} h`;
}
