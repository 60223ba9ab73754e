import { useEffect, useRef } from 'react';
import type { Rating } from '../../core/assessment/assessment.types.js';

export interface AnswerKeyActions {
  rate: (level: Rating) => void;
  markNa: () => void;
  move: (delta: number) => void;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox';
}

/**
 * 1–5 rate, 0 clears, N asks for the N/A reason, ↑/↓ move between items everywhere, ←/→ too
 * except in the level radio group (where they pick a level). Off while typing, and in dialogs.
 */
export function useAnswerKeys(actions: AnswerKeyActions, enabled: boolean) {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.closest('dialog')) return;
      const inRadio = event.target instanceof HTMLInputElement && event.target.type === 'radio';
      const key = event.key;
      if (/^[0-5]$/.test(key)) {
        event.preventDefault();
        ref.current.rate(Number(key) as Rating);
      } else if (key === 'n' || key === 'N') {
        event.preventDefault();
        ref.current.markNa();
      } else if (key === 'ArrowDown' || (key === 'ArrowRight' && !inRadio)) {
        event.preventDefault();
        ref.current.move(1);
      } else if (key === 'ArrowUp' || (key === 'ArrowLeft' && !inRadio)) {
        event.preventDefault();
        ref.current.move(-1);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
