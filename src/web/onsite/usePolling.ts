import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  error: unknown;
  /** Shows a fresher state at once (a write's reply), without waiting for the next poll. */
  set: (data: T) => void;
}

/**
 * Fetches `load` now and every `intervalMs` while `active(data)` holds; stops when the component
 * unmounts. The next request starts only after the last one settled, so a slow server never
 * has a queue of polls piling up behind it. Errors are kept and polling goes on, because a
 * projector left running should recover by itself once the network is back.
 */
export function usePolling<T>(
  load: () => Promise<T>,
  intervalMs: number,
  active: (data: T | undefined) => boolean,
  deps: readonly unknown[],
): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const activeRef = useRef(active);
  activeRef.current = active;
  // Bumped by set(): a poll that started before a write's reply must not overwrite it with older news.
  const generation = useRef(0);
  const run = useCallback(load, deps);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest: T | undefined;
    const tick = async () => {
      const started = generation.current;
      try {
        const fetched = await run();
        if (!live) return;
        latest = fetched;
        if (started === generation.current) {
          setData(fetched);
          setError(undefined);
        }
      } catch (caught) {
        if (!live) return;
        setError(caught);
      }
      if (live && activeRef.current(latest)) timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [run, intervalMs]);

  const set = useCallback((next: T) => {
    generation.current += 1;
    setData(next);
  }, []);
  return { data, error, set };
}
