/** Where a command writes. The real CLI passes process streams; tests collect strings. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (decides colour-free, bar-drawing output later). */
  isTty: boolean;
  /** A terminal to draw progress bars on (stderr when it is one); absent means stay quiet. */
  progress?: NodeJS.WritableStream;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: process.stdout.isTTY === true,
    ...(process.stderr.isTTY === true ? { progress: process.stderr } : {}),
  };
}
