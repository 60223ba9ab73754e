import { useState } from 'react';

export interface Step {
  busy: boolean;
  error: unknown;
  /** What the last successful step said, for the panel's status line. */
  done: string;
  /** Runs one write; resolves true when it succeeded (the error is kept for the alert otherwise). */
  run: (write: () => Promise<unknown>, doneMessage: string) => Promise<boolean>;
}

/** One write at a time from a form of the review panel, with its outcome for the status and alert regions. */
export function useStep(): Step {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState('');
  const run: Step['run'] = async (write, doneMessage) => {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await write();
      setDone(doneMessage);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}
