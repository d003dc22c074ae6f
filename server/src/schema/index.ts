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
export { parseTime, formatTime, formatDuration, msToNs } from "./values/time";
export { parseInteger } from "./values/number";
export {
  parseIp4,
  readIp4,
  readIp4Value,
  isIp4,
  isIp4Prefix,
  isIp4Range,
  isIp6,
  isIp6Prefix,
  isMac,
  isHost,
  isHostName,
} from "./values/address";
export { parseDate, isDateTime } from "./values/date";
export type { DateParts } from "./values/date";
export { topicNameProblem, topicFilterProblem } from "./values/mqttTopic";
