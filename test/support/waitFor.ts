// Waiting in tests without fixed sleeps: poll a condition until a deadline, or bound a promise by one.

/** Polls `probe` until it returns something other than undefined/false; fails with `what` at the deadline. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: { what: string; timeoutMs?: number; intervalMs?: number },
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${options.what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
}

/** Resolves or rejects like `promise`, but rejects with "<what> did not settle within <ms> ms" if it takes longer. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The rejection reason of a promise that must fail (within `ms`), or an assertion-style error if it resolves. */
export async function failureOf(promise: Promise<unknown>, ms: number, what: string): Promise<unknown> {
  const outcome = await within(
    promise.then(
      () => ({ ok: true as const }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
    ms,
    what,
  );
  if (outcome.ok) throw new Error(`${what} succeeded but was expected to fail`);
  return outcome.error;
}
