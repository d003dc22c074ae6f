// Values that may still be computing: synchronous code stays synchronous, and only awaits when something is pending.

export type MaybePromise<T> = T | Promise<T>;

/** Applies `f` to a value now, or once it resolves. */
export function then<T, U>(value: MaybePromise<T>, f: (v: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** Runs steps in order, pushing each result into `out` (sync until one is pending). */
export function sequenceValues<T>(steps: readonly (() => MaybePromise<T>)[], out: T[]): MaybePromise<T[]> {
  for (let i = 0; i < steps.length; i++) {
    const r = (steps[i] as () => MaybePromise<T>)();
    if (r instanceof Promise) return finishValues(steps, i, r, out);
    out.push(r);
  }
  return out;
}

export async function finishValues<T>(
  steps: readonly (() => MaybePromise<T>)[],
  from: number,
  pending: Promise<T>,
  out: T[],
): Promise<T[]> {
  out.push(await pending);
  for (let i = from + 1; i < steps.length; i++) out.push(await (steps[i] as () => MaybePromise<T>)());
  return out;
}
