// A fixed-capacity FIFO that overwrites its oldest item: O(1) push and shift, no array growth under floods.

export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private head = 0;
  private length = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`ring buffer capacity must be >= 1, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.length;
  }

  /** Appends an item; returns the item it pushed out when full, if any. */
  push(item: T): T | undefined {
    let evicted: T | undefined;
    if (this.length === this.capacity) evicted = this.shift();
    this.items[(this.head + this.length) % this.capacity] = item;
    this.length++;
    return evicted;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.length--;
    return item;
  }

  oldest(): T | undefined {
    return this.length === 0 ? undefined : this.items[this.head];
  }

  newest(): T | undefined {
    return this.length === 0 ? undefined : this.items[(this.head + this.length - 1) % this.capacity];
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.items[(this.head + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.length = 0;
  }
}
