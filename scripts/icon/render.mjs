// Renders scripts/icon/icon.svg to media/icon.png (128×128, transparent corners) with headless chromium:
// `node scripts/icon/render.mjs`. Run it after changing the SVG and commit both.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const size = 128;
const svg = readFileSync(join(here, "icon.svg"), "utf8");

const browser = await chromium.launch({
  executablePath: process.env["E2E_CHROMIUM"] ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
  );
  await page.locator("svg").screenshot({ path: join(root, "media", "icon.png"), omitBackground: true });
  process.stdout.write(`wrote media/icon.png (${size}×${size})\n`);
} finally {
  await browser.close();
}
