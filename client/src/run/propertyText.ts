// The text of a device property as the runner reads names, topics and payloads: RouterOS bytes decoded as UTF-8.
import { fromBytes, toStr, type Value } from "../../../server/src/interpreter";

/** The property's text; "" when it is not set. */
export function propertyText(value: Value | undefined): string {
  return value === undefined ? "" : fromBytes(toStr(value));
}
