// MQTT topic rules (MQTT 3.1.1 / 5 section 4.7): topic names for PUBLISH, topic filters for SUBSCRIBE.

/** Why `topic` is not a valid topic name for publishing, or undefined when it is. */
export function topicNameProblem(topic: string): string | undefined {
  if (topic.length === 0) return "must not be empty";
  if (topic.includes("\u0000")) return "must not contain a NUL character";
  if (topic.includes("+") || topic.includes("#"))
    return "must not contain the wildcards + or # (they are only for subscribing)";
  return undefined;
}

/** Why `filter` is not a valid topic filter for subscribing, or undefined when it is. */
export function topicFilterProblem(filter: string): string | undefined {
  if (filter.length === 0) return "must not be empty";
  if (filter.includes("\u0000")) return "must not contain a NUL character";
  const levels = filter.split("/");
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] ?? "";
    if (level.includes("#") && (level !== "#" || i !== levels.length - 1))
      return "may use # only as the whole last level (a/b/#)";
    if (level.includes("+") && level !== "+") return "may use + only as a whole level (a/+/c)";
  }
  return undefined;
}
