// Detects two clients with one client id kicking each other off a broker: sessions that the broker closes moments after accepting them, again and again, with no failed attempt in between.

export interface KickLoopOptions {
  /** A session closed by the broker within this time after CONNACK counts as a kick (default 5 s). */
  windowMs: number;
  /** This many kicks in a row is a loop (default 3). */
  threshold: number;
}

export const DEFAULT_KICK_LOOP: Readonly<KickLoopOptions> = { windowMs: 5000, threshold: 3 };

export class KickLoopDetector {
  private streak = 0;

  constructor(readonly options: KickLoopOptions = DEFAULT_KICK_LOOP) {}

  /** Records a session the broker closed with no local cause after `sessionMs`; returns true when it completes a loop. */
  recordDrop(sessionMs: number): boolean {
    this.streak = sessionMs <= this.options.windowMs ? this.streak + 1 : 0;
    return this.streak >= this.options.threshold;
  }

  /** Whether the last drop was quick enough to count as a kick. */
  get lastDropWasQuick(): boolean {
    return this.streak > 0;
  }

  get count(): number {
    return this.streak;
  }

  /** A failed connect means the broker is down or refusing, not another client: start counting afresh. */
  reset(): void {
    this.streak = 0;
  }
}

/** The sentence shown when the loop is detected. */
export function kickLoopMessage(broker: string, clientId: string, kicks: number, windowMs: number): string {
  return (
    `another client with client-id "${clientId}" is connected to broker "${broker}": the broker closed this ` +
    `connection ${kicks} times within ${Math.round(windowMs / 1000)} s of accepting it. RouterOS and the editor must use ` +
    `different client ids; change the client-id of one of them. Stopped reconnecting.`
  );
}
