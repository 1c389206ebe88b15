/**
 * Aborts `target` when any source aborts, remembering which one did. `AbortSignal.any` would do most of this,
 * but it is missing before Node 20.3 and does not say which source fired.
 */
export function linkSignals(
  target: AbortController,
  sources: { signal: AbortSignal | undefined; onAbort: () => void }[],
): () => void {
  const unlinks: (() => void)[] = [];
  for (const { signal, onAbort } of sources) {
    if (!signal) continue;
    const listener = () => {
      onAbort();
      target.abort(signal.reason);
    };
    if (signal.aborted) {
      listener();
      continue;
    }
    signal.addEventListener('abort', listener, { once: true });
    unlinks.push(() => signal.removeEventListener('abort', listener));
  }
  return () => {
    for (const unlink of unlinks) unlink();
  };
}
