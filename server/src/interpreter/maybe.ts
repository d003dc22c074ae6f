// Values that may still be computing: synchronous code stays synchronous, and only awaits when something is pending.

export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise;
}

/** Applies `f` to a value now, or once it resolves. */
export function then<T, U>(value: MaybePromise<T>, f: (v: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** Evaluates `items` in order (each may be pending) and gives all results. */
export function all<T>(items: readonly (() => MaybePromise<T>)[]): MaybePromise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = (items[i] as () => MaybePromise<T>)();
    if (r instanceof Promise) return finish(items, i, r, out);
    out.push(r);
  }
  return out;
}

async function finish<T>(
  items: readonly (() => MaybePromise<T>)[],
  from: number,
  pending: Promise<T>,
  out: T[],
): Promise<T[]> {
  out.push(await pending);
  for (let i = from + 1; i < items.length; i++) out.push(await (items[i] as () => MaybePromise<T>)());
  return out;
}
