const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `text` is a `YYYY-MM-DD` day that exists on the calendar, between 2000 and 2199 (the
 * years a wall-clock time in a command may have). `2026-13-45` matches the pattern and is not one.
 */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 2000 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
