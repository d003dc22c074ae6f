// One chart webview panel for one or several topics of one broker: feeds it the held messages, then the new points of each batch; reloads of the webview get the whole series again.
import * as vscode from "vscode";
import { TopicsChartFeed } from "../messages/topicsChartFeed";
import type { MessageHub } from "../messages/messageHub";
import { chartHtml } from "./chartHtml";

/** What a chart shows, for tests: the series known to the extension and the ones the webview last drew. */
export interface ChartView {
  series: string[];
  points: number;
  /** Series drawn by the webview in its last render; undefined until it rendered once. */
  drawn: readonly string[] | undefined;
}

type FromWebview = { type: "ready" } | { type: "rendered"; drawn: string[]; points: number };

export class ChartPanel implements vscode.Disposable {
  readonly feed: TopicsChartFeed;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  /** True once the webview script listens (it says "ready"); false again when hidden (its page is dropped). */
  private ready = false;
  private drawn: readonly string[] | undefined;
  private disposed = false;

  constructor(
    readonly broker: string,
    readonly topics: readonly string[],
    private readonly hub: MessageHub,
    mediaRoot: vscode.Uri,
    private readonly onDispose: () => void,
  ) {
    this.feed = new TopicsChartFeed(topics);
    this.feed.pull(hub.store(broker));
    const title = chartTitle(this.feed.topics);
    this.panel = vscode.window.createWebviewPanel(
      "routerosMqtt.chart",
      title,
      { viewColumn: vscode.ViewColumn.Active },
      { enableScripts: true, localResourceRoots: [mediaRoot] },
    );
    this.panel.webview.html = chartHtml(
      this.panel.webview,
      mediaRoot,
      `${this.feed.topics.join(", ")} on ${broker}`,
    );
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.received(m)),
      this.panel.onDidChangeViewState(() => {
        if (!this.panel.visible) this.ready = false;
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Reads the topic's new messages (called from the batched updates) and posts their points. */
  update(): void {
    if (this.disposed) return;
    const update = this.feed.pull(this.hub.store(this.broker));
    if (!this.ready) return;
    if (update.reset) this.postInit();
    else if (update.added.length > 0) {
      void this.panel.webview.postMessage({
        type: "append",
        series: update.added,
        leftOut: this.feed.leftOut,
      });
    }
  }

  reveal(): void {
    this.panel.reveal();
  }

  view(): ChartView {
    const series = this.feed.series();
    return {
      series: series.map((s) => s.name),
      points: series.reduce((n, s) => n + s.times.length, 0),
      drawn: this.drawn,
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.onDispose();
  }

  private received(message: FromWebview): void {
    if (message.type === "ready") {
      this.ready = true;
      this.postInit();
    } else if (message.type === "rendered" && Array.isArray(message.drawn)) {
      this.drawn = message.drawn.filter((n): n is string => typeof n === "string");
    }
  }

  private postInit(): void {
    void this.panel.webview.postMessage({
      type: "init",
      maxPoints: this.feed.maxPointsPerSeries,
      series: this.feed.series(),
      leftOut: this.feed.leftOut,
    });
  }
}

/** `Chart: routers/r1/telemetry`, or for several topics `Chart: routers/… (3 topics)`. */
export function chartTitle(topics: readonly string[]): string {
  if (topics.length === 1) return vscode.l10n.t("Chart: {0}", topics[0] ?? "");
  const first = topics[0]?.split("/") ?? [];
  let shared = 0;
  while (shared < first.length - 1 && topics.every((t) => t.split("/")[shared] === first[shared])) shared++;
  return shared > 0
    ? vscode.l10n.t("Chart: {0}/… ({1} topics)", first.slice(0, shared).join("/"), topics.length)
    : vscode.l10n.t("Chart: {0} topics", topics.length);
}
