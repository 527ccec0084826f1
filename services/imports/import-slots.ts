/**
 * How many imports (checks or writes) one process runs at once, and how many more may wait. Each
 * holds a file's rows in memory, so the cap bounds memory; past the queue a request is told to try
 * again rather than pile up.
 */
export const MAX_RUNNING_IMPORTS = 2;
export const MAX_WAITING_IMPORTS = 4;

export class ImportBusyError extends Error {
  constructor(readonly running: number) {
    super(`${running} imports are running and ${MAX_WAITING_IMPORTS} waiting`);
  }
}

let running = 0;
const waiting: (() => void)[] = [];

/** Runs an import in one of the process's slots, waiting for one if need be; throws ImportBusyError when the queue is full. */
export async function inImportSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING_IMPORTS) {
    if (waiting.length >= MAX_WAITING_IMPORTS) throw new ImportBusyError(running);
    // The slot is handed over by the import that ends, so nobody can take it in between.
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
