// The hook through which a host that caps a run's memory sees script values grow: none unless the host sets one for its thread.

/**
 * Told, where values grow (limits.ts), about how many bytes they may have grown by: an estimate, never an allocation.
 * It may throw a CancelledError to stop the script inside the statement that grows (the run's memory cap).
 */
export type GrowthWatch = (bytes: number) => void;

/*
 * Thread-wide, not per interpreter: values grow where no interpreter is at hand (RosArray, the `.` and `,`
 * operators). Only a thread that runs one run at a time sets it: an isolated run's worker
 * (client/src/run/isolated/memoryWatch.ts), for the length of a run. The language server, the editor's thread and
 * `runScript` never do, so there this costs one comparison and changes nothing.
 */
let current: GrowthWatch | undefined;

/** Sets this thread's growth watch for one run; throws if one is already set (two runs would share it). */
export function watchGrowth(watch: GrowthWatch): () => void {
  if (current) throw new Error("this thread already watches the growth of a run's values");
  current = watch;
  return () => {
    if (current === watch) current = undefined;
  };
}

/** Tells this thread's growth watch, if any, that values grew by about `bytes`; throws what it throws. */
export function reportGrowth(bytes: number): void {
  current?.(bytes);
}
