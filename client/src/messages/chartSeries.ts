// The time series of one topic's chart: one series per numeric field, bounded in series and points per series, appended in amortised constant time per point.
import { DEFAULT_FIELD_LIMITS, numericFields, type FieldLimits } from "./chartFields";

export interface ChartLimits extends FieldLimits {
  /** Points kept per series; the oldest go first. */
  maxPointsPerSeries: number;
  /** Series charted; fields first seen after that are left out (see {@link SeriesSet.leftOut}). */
  maxSeries: number;
}

export const DEFAULT_CHART_LIMITS: Readonly<ChartLimits> = {
  ...DEFAULT_FIELD_LIMITS,
  maxPointsPerSeries: 1000,
  maxSeries: 16,
};

/** Points of one series, oldest first, as plain arrays (they travel to the webview as JSON). */
export interface SeriesPoints {
  name: string;
  unit?: "s";
  times: number[];
  values: number[];
}

interface Series {
  readonly name: string;
  readonly unit: "s" | undefined;
  times: number[];
  values: number[];
  /** Points ever added, so a caller can ask for the ones added since a mark. */
  added: number;
}

/** Counts of points per series at one moment, for {@link SeriesSet.changesSince}. */
export type SeriesMark = ReadonlyMap<string, number>;

export class SeriesSet {
  readonly limits: Readonly<ChartLimits>;
  private readonly byName = new Map<string, Series>();
  private readonly refused = new Set<string>();

  constructor(limits: Partial<ChartLimits> = {}) {
    const merged = { ...DEFAULT_CHART_LIMITS, ...limits };
    for (const [key, value] of Object.entries(merged)) {
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`chart limit ${key} must be a whole number >= 1, got ${value}`);
    }
    this.limits = merged;
  }

  /** Adds the numbers of one payload received at `time` (ms); returns how many points were added. */
  add(time: number, payload: Buffer | string): number {
    let added = 0;
    for (const field of numericFields(payload, this.limits)) {
      const series = this.seriesFor(field.name, field.unit);
      if (!series) continue;
      series.times.push(time);
      series.values.push(field.value);
      series.added++;
      added++;
      // Trim in halves: amortised O(1) per point, never more than twice the cap held.
      const cap = this.limits.maxPointsPerSeries;
      if (series.times.length >= 2 * cap) {
        series.times = series.times.slice(-cap);
        series.values = series.values.slice(-cap);
      }
    }
    return added;
  }

  /** Every series with its last `maxPointsPerSeries` points, in order of first appearance. */
  series(): SeriesPoints[] {
    return [...this.byName.values()].map((s) => this.tail(s, this.limits.maxPointsPerSeries));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  get size(): number {
    return this.byName.size;
  }

  /** Fields not charted because `maxSeries` series existed when they first appeared (counted up to a bound). */
  get leftOut(): number {
    return this.refused.size;
  }

  mark(): SeriesMark {
    return new Map([...this.byName.values()].map((s) => [s.name, s.added]));
  }

  /** The points added since `mark` (at most `maxPointsPerSeries` per series), for series that got any. */
  changesSince(mark: SeriesMark): SeriesPoints[] {
    const out: SeriesPoints[] = [];
    for (const s of this.byName.values()) {
      const fresh = s.added - (mark.get(s.name) ?? 0);
      if (fresh > 0) out.push(this.tail(s, Math.min(fresh, this.limits.maxPointsPerSeries)));
    }
    return out;
  }

  clear(): void {
    this.byName.clear();
    this.refused.clear();
  }

  private seriesFor(name: string, unit: "s" | undefined): Series | undefined {
    const key = unit ? `${name} (${unit})` : name;
    const found = this.byName.get(key);
    if (found) return found;
    if (this.byName.size >= this.limits.maxSeries) {
      if (this.refused.size < this.limits.maxSeries * 4) this.refused.add(key);
      return undefined;
    }
    const series: Series = { name: key, unit, times: [], values: [], added: 0 };
    this.byName.set(key, series);
    return series;
  }

  private tail(s: Series, count: number): SeriesPoints {
    const from = Math.max(0, s.times.length - count);
    const points: SeriesPoints = { name: s.name, times: s.times.slice(from), values: s.values.slice(from) };
    if (s.unit) points.unit = s.unit;
    return points;
  }
}
