/** Delay before reconnect attempt `attempt` (0-based): 250 ms doubling to 5 s, with jitter. */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(5_000, 250 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}
