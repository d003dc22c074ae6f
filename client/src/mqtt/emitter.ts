// A minimal typed event emitter in the VS Code style: `event(listener)` returns a disposable, and a throwing listener never breaks the others.

export interface Disposable {
  dispose(): void;
}

export type Listener<A extends unknown[]> = (...args: A) => void;

export class Emitter<A extends unknown[]> {
  private readonly listeners = new Set<Listener<A>>();

  /** @param onListenerError called when a listener throws; the error is swallowed otherwise. */
  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  /** Subscribes a listener; dispose the result to unsubscribe. */
  readonly event = (listener: Listener<A>): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  get listenerCount(): number {
    return this.listeners.size;
  }

  fire(...args: A): void {
    for (const listener of [...this.listeners]) {
      try {
        // eslint-disable-next-line no-restricted-syntax -- the arguments of one event, as many as its parameters
        listener(...args);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
