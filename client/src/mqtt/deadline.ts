// Puts a deadline on any promise (the `mqtt` package's own can hang forever): rejects with the error built by `onTimeout` when time is up.
import type { Clock } from "./clock";

export function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  clock: Clock,
  onTimeout: () => Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const timer = clock.setTimeout(() => {
      if (done) return;
      done = true;
      reject(onTimeout());
    }, ms);
    promise.then(
      (value) => {
        if (done) return;
        done = true;
        clock.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (done) return;
        done = true;
        clock.clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
