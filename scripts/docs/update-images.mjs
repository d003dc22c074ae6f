// Crops the chosen screenshots of the browser suite (test-results/e2e/browser, after `npm run test:e2e`) into the
// README's pictures (docs/images) and the walkthrough's (media/walkthrough), with headless chromium:
// `node scripts/docs/update-images.mjs`. Review the pictures, then commit them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const shots = join(root, "test-results", "e2e", "browser");

/**
 * What to make: from the screenshot whose name ends with `from` (after its NN- number), the region `clip` (CSS pixels
 * of the 1280×800 page; the whole page when absent), saved as `to`, scaled by `scale` (1 when absent).
 */
const WINDOW = { x: 0, y: 0, width: 1280, height: 800 };
/** The window without its title and status bars. */
const WORKBENCH = { x: 0, y: 35, width: 1280, height: 743 };
const IMAGES = [
  { from: "walkthrough-picture-run", to: "docs/images/run.png", clip: WINDOW },
  { from: "walkthrough-all-steps-done", to: "docs/images/walkthrough.png", clip: WINDOW },
  { from: "completion-list-after-iot-mqtt", to: "docs/images/completion.png", clip: WINDOW },
  {
    from: "chart-show-chart-draws-a-topic-s-numeric-fields-a-legend-che",
    to: "docs/images/chart.png",
    clip: WINDOW,
  },
  { from: "problems-from-the-rsc-check-task", to: "docs/images/tasks.png", clip: WINDOW },
  {
    from: "walkthrough-picture-example",
    to: "media/walkthrough/broker.png",
    clip: { x: 0, y: 35, width: 760, height: 420 },
  },
  { from: "walkthrough-picture-example", to: "media/walkthrough/example.png", clip: WORKBENCH, scale: 0.75 },
  {
    from: "walkthrough-picture-subscribe",
    to: "media/walkthrough/subscribe.png",
    clip: WORKBENCH,
    scale: 0.75,
  },
  { from: "walkthrough-picture-run", to: "media/walkthrough/run.png", clip: WORKBENCH, scale: 0.75 },
  { from: "walkthrough-picture-message", to: "media/walkthrough/message.png", clip: WORKBENCH, scale: 0.75 },
  {
    from: "chart-show-chart-draws-a-topic-s-numeric-fields-a-legend-che",
    to: "media/walkthrough/chart.png",
    clip: WORKBENCH,
    scale: 0.75,
  },
];

function find(slug) {
  if (!existsSync(shots)) throw new Error(`${shots} is missing: run npm run test:e2e first`);
  const name = readdirSync(shots).find((f) => f.replace(/^\d+-/, "") === `${slug}.png`);
  if (!name) throw new Error(`no screenshot named *-${slug}.png in ${shots}`);
  return join(shots, name);
}

const browser = await chromium.launch({
  executablePath: process.env["E2E_CHROMIUM"] ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  for (const image of IMAGES) {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: image.scale ?? 1,
    });
    const png = readFileSync(find(image.from)).toString("base64");
    await page.setContent(
      `<!doctype html><body style="margin:0"><img style="display:block" src="data:image/png;base64,${png}"></body>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    await page.screenshot({ path: join(root, image.to), clip: image.clip ?? WINDOW });
    await page.close();
    process.stdout.write(`${image.to} ← ${image.from}\n`);
  }
} finally {
  await browser.close();
}
