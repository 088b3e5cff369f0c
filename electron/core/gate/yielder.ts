/**
 * Long checks on the engine's one thread give way every few milliseconds, so that a large or
 * hostile input never holds up another window's command for long.
 */
export function createYielder(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
