import { useEffect, useState } from 'react';

const MINUTE = 60_000;
const floor = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

/** The current minute: for views that need "now" (overdue, last 24 hours) but must not redraw every second. */
export function useMinute(): number {
  const [minute, setMinute] = useState(() => floor(Date.now()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      timer = setTimeout(() => {
        setMinute(floor(Date.now()));
        arm();
      }, MINUTE - (Date.now() % MINUTE) + 20);
    };
    arm();
    return () => clearTimeout(timer);
  }, []);
  return minute;
}
