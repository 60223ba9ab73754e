import { useEffect, useRef } from 'react';

/** On every page change, moves focus to the page's h1 (or the main landmark), so screen readers announce it. */
export function usePageFocus(key: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      const main = document.getElementById('main');
      const heading = main?.querySelector<HTMLElement>('h1');
      (heading ?? main)?.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [key]);
}
