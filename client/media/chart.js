// Webview script of a topic chart: keeps the series the extension posts and draws them as inline SVG (time on x, min/max labels, legend checkboxes to hide series, one scale or one per series, values on hover).
// @ts-check
(function () {
  "use strict";
  const vscode = acquireVsCodeApi();
  const SVG = "http://www.w3.org/2000/svg";
  const COLOURS = 10; // .c0 … .c9 in chart.css
  const PAD = { left: 8, right: 12, top: 14, bottom: 22 };
  const saved = vscode.getState();
  /** Series names the user unticked; kept across reloads of the webview. */
  const hidden = new Set(saved && Array.isArray(saved.hidden) ? saved.hidden : []);
  /**
   * Each series drawn from its own min to its own max (true), all on one scale (false), or chosen from the data
   * (undefined): own scales when the series' magnitudes differ a hundredfold (CPU load beside free memory).
   * @type {boolean | undefined}
   */
  let ownScale = saved && typeof saved.ownScale === "boolean" ? saved.ownScale : undefined;
  const save = () => vscode.setState({ hidden: [...hidden], ownScale });
  /** @type {{ name: string, times: number[], values: number[], colour: number, last?: HTMLElement }[]} */
  let series = [];
  let maxPoints = 1000;
  let timer = 0;
  /** @type {{ x0: number, x1: number, t0: number, t1: number, yOf: (s: typeof series[number]) => (v: number) => number, x: (t: number) => number } | undefined} */
  let scale;
  /** The mouse's x in the plot while it is over the chart: the values under it stay shown as points arrive. */
  /** @type {number | undefined} */
  let mouseX;
  const plot = /** @type {HTMLElement} */ (document.getElementById("plot"));
  const legend = /** @type {HTMLElement} */ (document.getElementById("legend"));
  const status = /** @type {HTMLElement} */ (document.getElementById("status"));
  const ownScaleBox = /** @type {HTMLInputElement} */ (document.getElementById("own-scale"));
  ownScaleBox.addEventListener("change", () => {
    ownScale = ownScaleBox.checked;
    save();
    render();
  });
  const number = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 6 });
  const time = (/** @type {number} */ t) => new Date(t).toLocaleTimeString();

  window.addEventListener("message", (event) => {
    const msg = event.data;
    if (msg.type === "init") {
      maxPoints = msg.maxPoints;
      series = [];
      legend.textContent = "";
    }
    if (msg.type === "init" || msg.type === "append") {
      for (const s of msg.series) merge(s);
      status.textContent = msg.leftOut > 0 ? `${msg.leftOut} more fields not charted` : "";
      timer ||= setTimeout(render, 30);
    }
  });
  window.addEventListener("resize", () => (timer ||= setTimeout(render, 30)));

  /** @param {{ name: string, times: number[], values: number[] }} incoming */
  function merge(incoming) {
    let own = series.find((s) => s.name === incoming.name);
    if (!own) {
      own = { name: incoming.name, times: [], values: [], colour: series.length % COLOURS };
      series.push(own);
      addLegendItem(own);
    }
    // One by one: a batch may hold more points than a call can take as arguments.
    for (const t of incoming.times) own.times.push(t);
    for (const v of incoming.values) own.values.push(v);
    if (own.times.length > maxPoints) {
      own.times.splice(0, own.times.length - maxPoints);
      own.values.splice(0, own.values.length - maxPoints);
    }
  }

  /** @param {typeof series[number]} s */
  function addLegendItem(s) {
    const label = document.createElement("label");
    label.className = `c${s.colour}`;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = !hidden.has(s.name);
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(s.name);
      else hidden.add(s.name);
      save();
      render();
    });
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    s.last = document.createElement("span");
    s.last.className = "last";
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = s.name;
    label.append(box, swatch, name, s.last);
    legend.append(label);
  }

  /**
   * @param {string} tag
   * @param {Record<string, string | number>} attrs
   * @param {Element} [parent]
   */
  function el(tag, attrs, parent) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    parent?.append(node);
    return node;
  }

  function render() {
    timer = 0;
    const visible = series.filter((s) => !hidden.has(s.name) && s.times.length > 0);
    for (const s of series)
      if (s.last) s.last.textContent = s.values.length ? number.format(s.values[s.values.length - 1]) : "";
    plot.textContent = "";
    if (series.length === 0) {
      const empty = document.createElement("div");
      empty.id = "empty";
      empty.textContent =
        "No numbers received on this topic yet: a bare number or a JSON object with numeric fields is charted.";
      plot.append(empty);
    }
    const width = plot.clientWidth;
    const height = plot.clientHeight;
    let [t0, t1, v0, v1] = [Infinity, -Infinity, Infinity, -Infinity];
    /** @type {Map<typeof series[number], [number, number]>} */
    const ranges = new Map();
    for (const s of visible) {
      t0 = Math.min(t0, s.times[0]);
      t1 = Math.max(t1, s.times[s.times.length - 1]);
      const range = widen(
        s.values.reduce((a, b) => Math.min(a, b), Infinity),
        s.values.reduce((a, b) => Math.max(a, b), -Infinity),
      );
      ranges.set(s, range);
      v0 = Math.min(v0, range[0]);
      v1 = Math.max(v1, range[1]);
    }
    const own = ownScale ?? magnitudesDiffer([...ranges.values()]);
    ownScaleBox.checked = own;
    if (visible.length > 0 && width > 0 && height > 0) {
      if (t0 === t1) {
        t0 -= 1000;
        t1 += 1000;
      }
      const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" }, plot);
      // On own scales, each line spans the plot from its minimum to its maximum: the values are in the tooltip.
      const labels = own ? ["max", "min"] : [number.format(v1), number.format(v0)];
      // Room on the left for the longer of the two value labels (about 7 px per character at 11 px).
      const x0 = PAD.left + 7 * labels.reduce((widest, l) => Math.max(widest, l.length), 0);
      const [x1, y0, y1] = [width - PAD.right, height - PAD.bottom, PAD.top];
      const x = (/** @type {number} */ t) => x0 + ((t - t0) / (t1 - t0)) * (x1 - x0);
      const yOf = (/** @type {typeof series[number]} */ s) => {
        const [lo, hi] = own ? (ranges.get(s) ?? [v0, v1]) : [v0, v1];
        return (/** @type {number} */ v) => y0 - ((v - lo) / (hi - lo)) * (y0 - y1);
      };
      scale = { x0, x1, t0, t1, x, yOf };
      el("line", { class: "grid", x1: x0, x2: x1, y1: (y0 + y1) / 2, y2: (y0 + y1) / 2 }, svg);
      el("path", { class: "axis", d: `M${x0} ${y1}V${y0}H${x1}` }, svg);
      text(svg, labels[0], x0 - 4, y1 + 4, "end");
      text(svg, labels[1], x0 - 4, y0, "end");
      text(svg, time(t0), x0, y0 + 15, "start");
      text(svg, time(t1), x1, y0 + 15, "end");
      for (const s of visible) {
        const g = el("g", { class: `c${s.colour}`, "data-series": s.name }, svg);
        const y = yOf(s);
        if (s.times.length === 1)
          el("circle", { class: "dot", r: 3, cx: x(s.times[0]), cy: y(s.values[0]) }, g);
        let d = "";
        for (let i = 0; i < s.times.length; i++)
          d += `${i ? "L" : "M"}${x(s.times[i]).toFixed(1)} ${y(s.values[i]).toFixed(1)}`;
        el("path", { class: "line", d }, g);
      }
      const hover = el("g", {}, svg);
      svg.addEventListener("mousemove", (e) => {
        mouseX = e.clientX - plot.getBoundingClientRect().left;
        showValues(hover, visible);
      });
      svg.addEventListener("mouseleave", () => {
        mouseX = undefined;
        hover.textContent = "";
        document.getElementById("tip")?.remove();
      });
      if (mouseX !== undefined) showValues(hover, visible);
    }
    vscode.postMessage({
      type: "rendered",
      drawn: visible.map((s) => s.name),
      points: visible.reduce((n, s) => n + s.times.length, 0),
    });
  }

  /** [lo, hi], widened around a single value so that a flat line sits mid-plot. */
  function widen(/** @type {number} */ lo, /** @type {number} */ hi) {
    if (lo !== hi) return [lo, hi];
    const margin = Math.abs(lo) * 0.1 || 1;
    return [lo - margin, hi + margin];
  }

  /** True when one series' numbers are a hundred times another's: on one scale the small one would be flat. */
  function magnitudesDiffer(/** @type {[number, number][]} */ ranges) {
    const sizes = ranges.map(([lo, hi]) => Math.max(Math.abs(lo), Math.abs(hi)));
    const largest = sizes.reduce((a, b) => Math.max(a, b), 0);
    const smallest = sizes.reduce((a, b) => Math.min(a, b), Infinity);
    return sizes.length > 1 && largest > 100 * smallest;
  }

  /** @param {Element} svg @param {string} content @param {number} x @param {number} y @param {string} anchor */
  function text(svg, content, x, y, anchor) {
    el("text", { class: "label", x, y, "text-anchor": anchor }, svg).textContent = content;
  }

  /** The values nearest the mouse's time, as dots, a cursor line and a tooltip. */
  function showValues(/** @type {Element} */ hover, /** @type {typeof series} */ visible) {
    if (!scale || mouseX === undefined) return;
    const px = Math.min(Math.max(mouseX, scale.x0), scale.x1);
    const at = scale.t0 + ((px - scale.x0) / (scale.x1 - scale.x0)) * (scale.t1 - scale.t0);
    hover.textContent = "";
    el("line", { class: "cursor", x1: px, x2: px, y1: PAD.top, y2: plot.clientHeight - PAD.bottom }, hover);
    const lines = [time(at)];
    for (const s of visible) {
      const i = nearest(s.times, at);
      el(
        "circle",
        { class: `dot c${s.colour}`, r: 3, cx: scale.x(s.times[i]), cy: scale.yOf(s)(s.values[i]) },
        hover,
      );
      lines.push(`${s.name}: ${number.format(s.values[i])}`);
    }
    let tip = document.getElementById("tip");
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "tip";
      plot.append(tip);
    }
    tip.textContent = lines.join("\n");
    tip.style.left = `${px + 12 + tip.offsetWidth > plot.clientWidth ? px - 12 - tip.offsetWidth : px + 12}px`;
    tip.style.top = `${PAD.top}px`;
  }

  /** Index of the time closest to `t` in a sorted array (binary search). */
  function nearest(/** @type {number[]} */ times, /** @type {number} */ t) {
    let lo = 0,
      hi = times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && t - times[lo - 1] < times[lo] - t ? lo - 1 : lo;
  }

  vscode.postMessage({ type: "ready" });
})();
