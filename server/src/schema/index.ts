// The RouterOS command schema: lookups over the 7.24 command tree, command resolution and value validation.
export type * from "./types";
export { getSchema, loadSchema } from "./schema";
export type { SchemaFile } from "./dataFile";
export { formatPath, pathKey, toPath } from "./paths";
export { argumentMenu, describeResolveError, optionalMenuOf, resolveCommand } from "./resolve";
export type { Abbreviation, Resolution, ResolveError, ResolveWord } from "./resolve";
export { matchName } from "./abbreviation";
export type { NameMatch } from "./abbreviation";
export { suggest, editDistance, joinAlternatives } from "./suggest";
export type { SuggestOptions } from "./suggest";
export { validateValue } from "./validate";
export type { ValueProblem, ValueTarget } from "./validate";
// Reading values (times, integers, addresses, bare words), dates and MQTT topics: every export of values/ is public.
export * from "./values/time";
export * from "./values/number";
export * from "./values/address";
export * from "./values/word";
export * from "./values/date";
export * from "./values/mqttTopic";
