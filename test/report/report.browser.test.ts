/**
 * The HTML report in a real headless Chromium: it loads with no console errors and no network
 * requests, and draws one distribution chart per competition that has a leaderboard, with the
 * threshold lines and run markers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { grade, parseLeaderboard, renderReportHtml } from "../../src/index.js";
import type { GradeReport } from "../../src/index.js";
import { chromiumPath, launchChromium } from "../helpers/browser.js";
import { CONFORMANCE, LEADERBOARDS, hasShared } from "../helpers/shared.js";

if (!chromiumPath) console.warn("report.browser.test: SKIPPED, no Chromium installed (bash .ci/run installs Debian's chromium)");

describe.skipIf(!chromiumPath || !hasShared)("HTML report in headless Chromium", () => {
  let browser: Browser;
  let file: string;
  let reports: GradeReport[];
  beforeAll(async () => {
    browser = await launchChromium();
    const runs: Array<[string, string]> = [
      ["spaceship-titanic", "good"],
      ["spaceship-titanic", "weak"],
      ["spaceship-titanic", "short"],
      ["champs-scalar-coupling", "noisy_good"],
      ["champs-scalar-coupling", "noisy_medium"],
    ];
    reports = runs.map(([id, name]) =>
      grade({
        competition: id,
        submission: readFileSync(join(CONFORMANCE, id, "cases", `${name}.csv`)),
        answers: readFileSync(join(CONFORMANCE, id, "answers.csv")),
        leaderboard: readFileSync(join(LEADERBOARDS, `${id}.csv`)),
        submissionPath: `${id}/${name}.csv`,
      }),
    );
    // One run of a competition without a leaderboard: listed, but without a chart.
    reports.push({ ...reports[0]!, competition_id: "unlisted-competition", submission_path: "x.csv" });
    const leaderboards = new Map(["spaceship-titanic", "champs-scalar-coupling"].map((id) => [id, parseLeaderboard(readFileSync(join(LEADERBOARDS, `${id}.csv`)))]));
    file = join(mkdtempSync(join(tmpdir(), "mlegrade-report-")), "report.html");
    writeFileSync(file, renderReportHtml(reports, { leaderboards, title: "Test report" }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("loads with no console errors or network requests and renders one chart per leaderboard", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.locator("svg.chart").count()).toBe(2);
    expect(await page.locator("section.competition").count()).toBe(3);
    // Each chart has the four threshold lines and a marker per valid run.
    expect(await page.locator("#spaceship-titanic line.threshold").count()).toBe(4);
    expect(await page.locator("#spaceship-titanic path.run").count()).toBe(2);
    expect(await page.locator("#champs-scalar-coupling path.run").count()).toBe(2);
    const box = await page.locator("svg.chart").first().boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(await page.locator("table.summary tr.total td").first().textContent()).toBe("3");
    await page.close();
  });
});
