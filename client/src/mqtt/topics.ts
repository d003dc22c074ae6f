// MQTT topic rules: validation of publish topics and subscription filters, filter matching (with `$`-topic and shared-subscription rules), and RouterOS's choice of ONE on-message subscription per message.

/** What is wrong with a topic or filter, and at which character (0-based) it starts. */
export interface TopicProblem {
  message: string;
  offset: number;
}

/** The MQTT limit on a topic's UTF-8 encoded length. */
export const MAX_TOPIC_BYTES = 65535;

const SHARED_PREFIX = "$share/";

function commonProblems(text: string, what: string): TopicProblem | undefined {
  if (text.length === 0) return { message: `${what} is empty`, offset: 0 };
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return { message: `${what} contains a NUL character`, offset: nul };
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_TOPIC_BYTES) {
    return { message: `${what} is ${bytes} bytes long; MQTT allows at most ${MAX_TOPIC_BYTES}`, offset: 0 };
  }
  return undefined;
}

/** Checks a topic to publish to: wildcards are not allowed (RouterOS refuses them too). */
export function validatePublishTopic(topic: string): TopicProblem | undefined {
  const common = commonProblems(topic, "topic");
  if (common) return common;
  for (let i = 0; i < topic.length; i++) {
    const ch = topic[i];
    if (ch === "+" || ch === "#") {
      return {
        message: `topic contains the wildcard '${ch}', which is only allowed in subscriptions`,
        offset: i,
      };
    }
  }
  return undefined;
}

/** Checks a subscription filter: `+` fills a whole level, `#` fills the last level, `$share/group/` needs a group and a filter. */
export function validateTopicFilter(filter: string): TopicProblem | undefined {
  const common = commonProblems(filter, "topic filter");
  if (common) return common;
  let start = 0;
  if (filter.startsWith(SHARED_PREFIX)) {
    const groupEnd = filter.indexOf("/", SHARED_PREFIX.length);
    const group =
      groupEnd < 0 ? filter.slice(SHARED_PREFIX.length) : filter.slice(SHARED_PREFIX.length, groupEnd);
    if (group.length === 0 || /[+#]/.test(group)) {
      return {
        message: "shared subscription needs a group name without wildcards: $share/<group>/<filter>",
        offset: 0,
      };
    }
    if (groupEnd < 0 || groupEnd === filter.length - 1) {
      return { message: "shared subscription has no filter after $share/<group>/", offset: filter.length };
    }
    start = groupEnd + 1;
  }
  for (let i = start; i < filter.length; i++) {
    const ch = filter[i];
    if (ch !== "+" && ch !== "#") continue;
    const levelStart = i === start || filter[i - 1] === "/";
    const levelEnd = i === filter.length - 1 || filter[i + 1] === "/";
    if (!levelStart || !levelEnd) {
      return {
        message: `wildcard '${ch}' must fill a whole topic level (like a/${ch}${ch === "+" ? "/b" : ""})`,
        offset: i,
      };
    }
    if (ch === "#" && i !== filter.length - 1) {
      return { message: "wildcard '#' must be the last level of the filter", offset: i };
    }
  }
  return undefined;
}

/** The filter without a `$share/<group>/` prefix: what it matches against topics. */
export function effectiveFilter(filter: string): string {
  if (!filter.startsWith(SHARED_PREFIX)) return filter;
  const groupEnd = filter.indexOf("/", SHARED_PREFIX.length);
  return groupEnd < 0 ? "" : filter.slice(groupEnd + 1);
}

/** True when `topic` matches `filter` by MQTT rules; a filter starting with a wildcard never matches a `$` topic. */
export function topicMatchesFilter(filter: string, topic: string): boolean {
  const f = effectiveFilter(filter);
  if (f.length === 0 || topic.length === 0) return false;
  if (topic.startsWith("$") && (f.startsWith("+") || f.startsWith("#"))) return false;
  let fi = 0;
  let ti = 0;
  while (true) {
    const fEnd = nextSlash(f, fi);
    const level = f.slice(fi, fEnd);
    if (level === "#") return true;
    const tEnd = nextSlash(topic, ti);
    if (level !== "+" && level !== topic.slice(ti, tEnd)) return false;
    const fDone = fEnd === f.length;
    const tDone = tEnd === topic.length;
    if (fDone || tDone) {
      // `a/#` also matches its parent `a`.
      return fDone === tDone || (tDone && f.slice(fEnd + 1) === "#");
    }
    fi = fEnd + 1;
    ti = tEnd + 1;
  }
}

function nextSlash(text: string, from: number): number {
  const i = text.indexOf("/", from);
  return i < 0 ? text.length : i;
}

/** Rank of a filter in RouterOS's on-message choice: lower wins. */
interface DispatchRank {
  tier: 0 | 1 | 2;
  /** For `#` filters: minus the number of levels before `#`, so the closest filter sorts first. */
  closeness: number;
  plusCount: number;
}

function dispatchRank(filter: string): DispatchRank {
  const levels = effectiveFilter(filter).split("/");
  const plusCount = levels.filter((l) => l === "+").length;
  if (levels[levels.length - 1] === "#") return { tier: 2, closeness: -(levels.length - 1), plusCount };
  return { tier: plusCount > 0 ? 1 : 0, closeness: 0, plusCount };
}

/**
 * RouterOS runs ONE on-message script per received message even when several subscriptions match.
 * Returns the index in `filters` of the chosen one, or -1 when none matches:
 * an exact match first, then single-level `+` filters, then `#` filters preferring the closest in topic level
 * (`some/thing/#` beats `some/#` for `some/thing/else`). Ties go to fewer `+` levels, then to list order.
 */
export function chooseSubscriptionIndex(topic: string, filters: readonly string[]): number {
  let best = -1;
  let bestRank: DispatchRank | undefined;
  filters.forEach((filter, index) => {
    if (!topicMatchesFilter(filter, topic)) return;
    const rank = dispatchRank(filter);
    if (!bestRank || compareRank(rank, bestRank) < 0) {
      best = index;
      bestRank = rank;
    }
  });
  return best;
}

/** Like {@link chooseSubscriptionIndex}, returning the chosen filter itself. */
export function chooseSubscription(topic: string, filters: readonly string[]): string | undefined {
  const index = chooseSubscriptionIndex(topic, filters);
  return index < 0 ? undefined : filters[index];
}

function compareRank(a: DispatchRank, b: DispatchRank): number {
  return a.tier - b.tier || a.closeness - b.closeness || a.plusCount - b.plusCount;
}
