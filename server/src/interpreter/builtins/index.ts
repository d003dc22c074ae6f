// Every global command the interpreter implements, by name.
import type { Builtin } from "../compiler";
import { CODE_BUILTINS } from "./code";
import { CONTROL_BUILTINS } from "./control";
import { VALUE_BUILTINS } from "./values";
import { VARIABLE_BUILTINS } from "./variables";

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map([
  ...VARIABLE_BUILTINS,
  ...CONTROL_BUILTINS,
  ...VALUE_BUILTINS,
  ...CODE_BUILTINS,
]);
