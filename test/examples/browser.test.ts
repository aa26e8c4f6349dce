/**
 * The browser example (examples/browser/dist/index.html, built by `npm run build`) in a real
 * headless Chromium: it loads from disk with no console errors and no network, computes the
 * official thresholds of a real leaderboard, places a typed score, and grades a submission in-page.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chromiumPath, launchChromium } from "../helpers/browser.js";
import { readSimpleCsv } from "../helpers/csv.js";
import { CONFORMANCE, LEADERBOARDS, REPO_ROOT, hasShared } from "../helpers/shared.js";

const PAGE = join(REPO_ROOT, "examples", "browser", "dist", "index.html");
if (!chromiumPath) console.warn("browser.test: SKIPPED, no Chromium installed (bash .ci/run installs Debian's chromium)");

describe.skipIf(!chromiumPath || !hasShared)("examples/browser in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    expect(existsSync(PAGE), "run npm run build first").toBe(true);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("console", (m) => (m.type() === "error" || m.type() === "warning") && problems.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(PAGE).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("computes the official thresholds of real leaderboards", async () => {
    const reference = readSimpleCsv(join(LEADERBOARDS, "thresholds-reference.csv"));
    for (const id of ["spaceship-titanic", "new-york-city-taxi-fare-prediction", "aerial-cactus-identification"]) {
      const row = reference.find((r) => r.competition_id === id)!;
      await page.setInputFiles("#leaderboard-file", join(LEADERBOARDS, `${id}.csv`));
      await page.waitForFunction((name) => document.getElementById("leaderboard-status")!.textContent!.startsWith(name), `${id}.csv`);
      const text = async (sel: string) => Number(await page.locator(sel).textContent());
      expect([await text("#gold"), await text("#silver"), await text("#bronze"), await text("#median")], id).toEqual([
        Number(row.gold_threshold),
        Number(row.silver_threshold),
        Number(row.bronze_threshold),
        Number(row.median_threshold),
      ]);
      expect(await page.locator("#direction").textContent()).toBe(row.is_lower_better === "True" ? "lower is better" : "higher is better");
    }
  });

  it("places a typed score and draws the distribution", async () => {
    await page.setInputFiles("#leaderboard-file", join(LEADERBOARDS, "spaceship-titanic.csv"));
    await page.waitForFunction(() => document.getElementById("leaderboard-status")!.textContent!.startsWith("spaceship-titanic.csv"));
    await page.fill("#score", "0.82066");
    expect(await page.locator("tr.placement td.medal").first().textContent()).toBe("gold");
    await page.fill("#score", "0.5");
    expect(await page.locator("tr.placement td.medal").first().textContent()).toBe("none");
    expect(await page.locator("#chart svg.chart line.threshold").count()).toBe(4);
    expect(await page.locator("#chart svg.chart path.run").count()).toBe(1);
  });

  it("grades a submission in the page", async () => {
    const suite = JSON.parse(readFileSync(join(CONFORMANCE, "spaceship-titanic", "expected.json"), "utf8"));
    const good = suite.cases.find((c: { name: string }) => c.name === "good");
    await page.selectOption("#competition", "spaceship-titanic");
    await page.setInputFiles("#submission-file", join(CONFORMANCE, "spaceship-titanic", good.submission));
    await page.setInputFiles("#answers-file", join(CONFORMANCE, "spaceship-titanic", "answers.csv"));
    await page.click("#grade");
    await page.waitForFunction(() => document.getElementById("grade-status")!.dataset.score !== undefined);
    expect(Number(await page.locator("#grade-status").getAttribute("data-score"))).toBe(good.mlebench_score);
  });

  it("raised no console errors and made no network requests", () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(PAGE).href]);
  });
});
