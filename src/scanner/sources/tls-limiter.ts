/**
 * Runs `task` over `items` with at most `limit` in flight and yields each result as soon as it
 * is ready (completion order, not input order), so a slow endpoint never holds back the
 * report of the fast ones. `task` must not reject: callers turn failures into results.
 */
export async function* mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const ready: R[] = [];
  let next = 0;
  let running = 0;
  let wake: (() => void) | undefined;
  const signal = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const launch = () => {
    while (running < limit && next < items.length) {
      const item = items[next] as T;
      next += 1;
      running += 1;
      void task(item).then((result) => {
        running -= 1;
        ready.push(result);
        launch();
        signal();
      });
    }
  };
  launch();
  while (running > 0 || ready.length > 0) {
    if (ready.length === 0) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      continue;
    }
    yield ready.shift() as R;
  }
}
