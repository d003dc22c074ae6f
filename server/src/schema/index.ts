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
export { parseTime, isTimeTooLong, formatTime, formatDuration, msToNs, MAX_TIME_NS } from "./values/time";
export { parseInteger } from "./values/number";
export type { IntegerOverflow } from "./values/number";
export { readWord, readAs } from "./values/word";
export type { ReadValue } from "./values/word";
export {
  parseIp4,
  parseIp4Prefix,
  readIp4Number,
  readIp4Prefix,
  readIp6Number,
  readIp6Prefix,
  formatIp4,
  ip4Mask,
  ip6Mask,
  MASK128,
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
export type { Ip4Prefix } from "./values/address";
export { parseDate, isDateTime } from "./values/date";
export type { DateParts } from "./values/date";
export { topicNameProblem, topicFilterProblem } from "./values/mqttTopic";
