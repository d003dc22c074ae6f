// Public surface of the JSON scanner: is a text (or units with run-time holes) JSON, and if not, where and why.
export { scanJson, scanJsonText } from "./scanner";
export { HOLE_TEXT, HOLE_VALUE, textInput, type JsonInput } from "./input";
export type { JsonError, JsonErrorCode } from "./error";
