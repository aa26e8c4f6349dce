/**
 * For humans: renders an example HTML report (the bundled demo plus a few variations of it) and
 * saves a screenshot, to see what `mlegrade report` produces.
 *   npx tsx docs/gen/screenshot-report.ts [out.png]
 * Needs Debian's chromium (or CHROMIUM_PATH).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { grade, parseLeaderboard, renderReportHtml } from "../../src/index.js";
import { launchChromium } from "../../test/helpers/browser.js";

const demo = resolve(import.meta.dirname, "../../fixtures/demo");
const answers = readFileSync(join(demo, "answers.csv"));
const leaderboardText = readFileSync(join(demo, "leaderboard.csv"));
const submission = readFileSync(join(demo, "submission.csv"), "utf8");
// The demo submission, plus one that flips every tenth answer and one with a missing row.
const variants = [
  submission,
  submission.split("\n").map((line, i) => (i > 0 && i % 10 === 0 ? line.replace(/True$/, "X").replace(/False$/, "True").replace(/X$/, "False") : line)).join("\n"),
  submission.split("\n").slice(0, -3).join("\n"),
];
const reports = variants.map((text, i) => grade({ competition: "spaceship-titanic", submission: text, answers, leaderboard: leaderboardText, submissionPath: `run-${i + 1}/submission.csv` }));
const html = renderReportHtml(reports, { leaderboards: new Map([["spaceship-titanic", parseLeaderboard(leaderboardText)]]), title: "Example report (demo data)" });
const file = join(mkdtempSync(join(tmpdir(), "mlegrade-shot-")), "report.html");
writeFileSync(file, html);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
await page.goto(pathToFileURL(file).href);
const out = resolve(process.argv[2] ?? "report-example.png");
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out} (page: ${file})`);
