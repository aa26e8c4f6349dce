import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { UsageError } from "../../errors.js";
import type { Leaderboard } from "../../medals.js";
import { renderReportHtml, type ReportForPage } from "../../report/html.js";
import { EXIT, optionalString, required, type Command } from "../cli-kit.js";
import { parsePythonJson } from "../batch.js";
import { findLeaderboard, loadLeaderboardFile } from "../files.js";

/** Reports from a grading report (`competition_reports`), a single grade report, or a JSON array of reports. */
function readReports(path: string): ReportForPage[] {
  let value: unknown;
  try {
    value = parsePythonJson(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`report: ${path}: expected JSON, got ${(error as Error).message}`);
  }
  if (Array.isArray(value)) return value as ReportForPage[];
  const record = value as Record<string, unknown>;
  if (Array.isArray(record?.competition_reports)) return record.competition_reports as ReportForPage[];
  if (typeof record?.competition_id === "string") return [record as unknown as ReportForPage];
  throw new UsageError(`report: ${path}: expected a grading report with competition_reports, got something else`);
}

export const reportCommand: Command = {
  name: "report",
  summary: "write a self-contained HTML page: medals per split, each competition's leaderboard with the runs marked",
  usage: "report REPORT.json… --out FILE.html [--leaderboards DIR] [--title TEXT]",
  help: [
    ["--out FILE", "the HTML file to write"],
    ["--leaderboards DIR", "folder with <id>.csv or <id>/leaderboard.csv, for the distribution charts"],
    ["--title TEXT", "page title"],
  ],
  options: { out: { type: "string" }, leaderboards: { type: "string" }, title: { type: "string" } },
  allowPositionals: true,
  run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError("report: expected one or more grading report files");
    const out = required(values, "out", "report");
    const reports = positionals.flatMap(readReports);
    const dir = optionalString(values, "leaderboards");
    const leaderboards = new Map<string, Leaderboard>();
    if (dir) {
      for (const id of new Set(reports.map((r) => r.competition_id))) {
        const file = findLeaderboard(dir, id);
        if (file) leaderboards.set(id, loadLeaderboardFile(file));
      }
    }
    const html = renderReportHtml(reports, { leaderboards, title: optionalString(values, "title"), subtitle: positionals.map((p) => basename(p)).join(", ") });
    writeFileSync(out, html);
    io.stdout(`wrote ${out}: ${reports.length} runs, ${leaderboards.size} leaderboard charts\n`);
    return EXIT.ok;
  },
};
