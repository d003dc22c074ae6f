// Variables: block scopes chained up to their function's root, globals shared by the whole run, frames for control flow.
import type { SourceText } from "./source";
import { NOTHING, type Value } from "./values";

/** A variable's storage. A `:global` declaration puts the global's own slot into the declaring scope. */
export interface Slot {
  value: Value;
  /** Set when the variable was removed (`:set name` with no value); readers then see nothing. */
  removed?: boolean;
}

export const enum Signal {
  None = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
  Exit = 4,
}

/** One running script (the main one, an on-message handler, a `:execute` job): its name and cancellation. */
export interface Job {
  readonly name: string;
  readonly signal: AbortSignal;
  readonly id: number;
  /** Captures `:put` output instead of the host (`:execute as-string`). */
  readonly put?: (line: string) => void;
}

/** One activation of a script or function: control-flow state and the code's source. */
export class Frame {
  signal: Signal = Signal.None;
  returned: Value = NOTHING;
  /** The names a function call passed (`$f a=1` gives `a`), which `:global a` in its body does not replace. */
  parameters: ReadonlySet<string> | undefined;
  /**
   * A function call's root scope, where its arguments live. A name its body uses without declaring is an argument
   * slot there, passed or not: `:set $base 16` in a function called without `base=` sets it (amm0's $tobase, which
   * his router transcript shows working: forum.mikrotik.com/t/decimals/21737/10 and /11).
   */
  root: Scope | undefined;

  constructor(
    readonly job: Job,
    readonly source: SourceText,
    readonly depth: number,
  ) {}
}

/** The variables of the run shared by every script: `:global` names. */
export class Globals {
  readonly slots = new Map<string, Slot>();

  /** The slot of a global, created (value nothing) when `create` and missing. */
  slot(name: string, create: boolean): Slot | undefined {
    let slot = this.slots.get(name);
    if (!slot && create) {
      slot = { value: NOTHING };
      this.slots.set(name, slot);
    }
    return slot;
  }

  remove(name: string): void {
    const slot = this.slots.get(name);
    if (slot) {
      slot.removed = true;
      this.slots.delete(name);
    }
  }
}

/** A block's variables. Lookups walk up to the function's root scope, never into the caller's. */
export class Scope {
  vars: Map<string, Slot> | undefined;
  /** Inside `find`/`where`: the item whose properties bare names (and shadowed variables) read. */
  item: ReadonlyMap<string, Value> | undefined;

  constructor(
    readonly parent: Scope | undefined,
    readonly frame: Frame,
  ) {}

  child(): Scope {
    return new Scope(this, this.frame);
  }

  /** True when `name` is a parameter of the running function (its root scope was given it by the call). */
  isParameter(name: string): boolean {
    if (this.parent) return this.parent.isParameter(name);
    return this.frame.parameters?.has(name) === true;
  }

  lookup(name: string): Slot | undefined {
    const slot = this.vars?.get(name);
    if (slot !== undefined) return slot.removed ? undefined : slot;
    return this.parent?.lookup(name);
  }

  /** The slot `:set` assigns: a declared variable, or in a function an argument slot (see Frame.root). */
  assignable(name: string): Slot | undefined {
    return this.lookup(name) ?? this.frame.root?.declare(name, NOTHING);
  }

  /** Declares a local in this scope (a new slot, hiding outer ones). */
  declare(name: string, value: Value): Slot {
    const slot: Slot = { value };
    (this.vars ??= new Map()).set(name, slot);
    return slot;
  }

  /** Makes a global's slot visible from this scope on. */
  bind(name: string, slot: Slot): void {
    (this.vars ??= new Map()).set(name, slot);
  }

  /** The nearest `item` (inside nested where clauses the innermost item wins). */
  whereItem(): ReadonlyMap<string, Value> | undefined {
    return this.item ?? this.parent?.whereItem();
  }
}
