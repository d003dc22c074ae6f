// RouterOS arrays: unkeyed elements first in insertion order, then keyed elements sorted by key; mutable in place.
import { toStr } from "./format";
import { checkArraySize, checkStringLength } from "./limits";
import { NOTHING, type Value } from "./values";

const INDEX = /^(0|[1-9][0-9]*)$/;

export class RosArray {
  readonly type = "array";
  /** Unkeyed elements, addressed by position 0, 1, 2... */
  readonly list: Value[];
  private keyed: Map<string, Value> | undefined;
  private sorted: string[] | undefined;

  constructor(list: Value[] = [], keyed?: Iterable<readonly [string, Value]>) {
    checkArraySize(list.length);
    this.list = list;
    if (keyed) for (const [k, v] of keyed) this.setKey(k, v);
  }

  static of(...values: Value[]): RosArray {
    return new RosArray(values);
  }

  get size(): number {
    return this.list.length + (this.keyed?.size ?? 0);
  }

  /** Keys of the keyed part, sorted (byte order). */
  keys(): readonly string[] {
    if (!this.keyed) return [];
    this.sorted ??= [...this.keyed.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.sorted;
  }

  hasKeys(): boolean {
    return (this.keyed?.size ?? 0) > 0;
  }

  /** Every element as [key, value]: unkeyed ones have their position (num) as key, keyed ones their key (str). */
  *entries(): IterableIterator<[bigint | string, Value]> {
    for (let i = 0; i < this.list.length; i++) yield [BigInt(i), this.list[i] as Value];
    for (const key of this.keys()) yield [key, this.keyed?.get(key) as Value];
  }

  /** Every value, in RouterOS order. */
  values(): Value[] {
    if (!this.keyed || this.keyed.size === 0) return this.list.slice();
    return [...this.list, ...this.keys().map((k) => this.keyed?.get(k) as Value)];
  }

  /** The element at position `i` of the RouterOS order (unkeyed first). */
  at(i: number): Value | undefined {
    if (i < this.list.length) return this.list[i];
    const key = this.keys()[i - this.list.length];
    return key === undefined ? undefined : this.keyed?.get(key);
  }

  /**
   * `$a->key`: by position for a number, by key for a string (a decimal string also reaches a position). A number past
   * the positions reaches the key it was stored under: `:set ($t->1) "temperature"` on an empty array, then
   * `($t->1)`, gives "temperature" (amm0's Dragino decoder, forum.mikrotik.com/t/…/179268/1, output on 7.17).
   */
  get(key: Value): Value {
    if (typeof key === "bigint") {
      const i = Number(key);
      if (i >= 0 && i < this.list.length) return this.list[i] as Value;
      return this.keyed?.get(key.toString()) ?? NOTHING;
    }
    const k = typeof key === "string" ? key : toStr(key);
    const found = this.keyed?.get(k);
    if (found !== undefined) return found;
    if (INDEX.test(k)) {
      const i = Number(k);
      if (i < this.list.length) return this.list[i] as Value;
    }
    return NOTHING;
  }

  /** `:set ($a->key) value`: replaces a position or key; one past the end appends. */
  set(key: Value, value: Value): void {
    if (typeof key === "bigint" || (typeof key === "string" && INDEX.test(key) && !this.keyed?.has(key))) {
      const i = Number(key);
      if (i < this.list.length) {
        this.list[i] = value;
        return;
      }
      if (i === this.list.length) {
        this.push(value);
        return;
      }
    }
    this.setKey(typeof key === "string" ? key : toStr(key), value);
  }

  setKey(key: string, value: Value): void {
    this.keyed ??= new Map();
    if (!this.keyed.has(key)) {
      checkArraySize(this.size + 1, 1);
      this.sorted = undefined;
    }
    this.keyed.set(key, value);
  }

  /** Removes a position (later ones shift down) or a key. */
  delete(key: Value): void {
    if (typeof key === "bigint") {
      const i = Number(key);
      if (i >= 0 && i < this.list.length) this.list.splice(i, 1);
      return;
    }
    const k = typeof key === "string" ? key : toStr(key);
    if (this.keyed?.delete(k)) this.sorted = undefined;
  }

  push(value: Value): void {
    checkArraySize(this.size + 1, 1);
    this.list.push(value);
  }

  /** A shallow copy (arrays are values in scripts: assignment copies). */
  copy(): RosArray {
    const out = new RosArray(this.list.slice());
    if (this.keyed) for (const [k, v] of this.keyed) out.setKey(k, v);
    return out;
  }

  /** A copy of this array and of every array inside it. */
  deepCopy(): RosArray {
    const out = new RosArray(this.list.map(storedValue));
    if (this.keyed) for (const [k, v] of this.keyed) out.setKey(k, storedValue(v));
    return out;
  }
}

/**
 * What a variable, an element or a parameter keeps of a value: arrays are values in RouterOS scripts, so storing one
 * stores a copy (changing `$b` after `:local b $a` leaves `$a` as it was; a function changes its own copy).
 */
export function storedValue(value: Value): Value {
  if (typeof value === "string") checkStringLength(value.length);
  return value instanceof RosArray ? value.deepCopy() : value;
}
