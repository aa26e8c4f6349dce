import { getCompetition } from "../../competitions/index.js";
import { UsageError } from "../../errors.js";
import { stringifyReport } from "../../grader/json.js";
import type { ValidationIssue } from "../../validate/issues.js";
import type { ValidationReport } from "../../validate/validate.js";
import { EXIT, modeOption, optionalString, required, type CliIO, type Command } from "../cli-kit.js";
import { validateFile } from "../validate-file.js";

const FORMATS = ["text", "json", "github"] as const;
type Format = (typeof FORMATS)[number];

export const validateCommand: Command = {
  name: "validate",
  summary: "check a submission's format without scoring: columns, ids, row count, types, ranges; every issue located",
  usage: "validate --competition ID --submission FILE [--answers FILE] [--sample FILE] [--data-dir DIR] [--format text|json|github] [--max-issues N] [--mode mlebench|kaggle]",
  help: [
    ["--competition ID", "competition id (see mlegrade list)"],
    ["--submission FILE", "the submission CSV"],
    ["--answers FILE", "private answers: the competition's grader also runs (the most faithful check)"],
    ["--sample FILE", "the sample submission: ids and row count are compared with it"],
    ["--data-dir DIR", "MLE-bench prepared data: answers and sample submission taken from it where present"],
    ["--format FORMAT", "text (default), json (the whole report), github (::error annotations for GitHub Actions)"],
    ["--max-issues N", "issues printed in text and github formats (default 20; all are counted)"],
    ["--mode MODE", "grading mode for the grader check: mlebench (default) or kaggle"],
  ],
  options: {
    competition: { type: "string" },
    submission: { type: "string" },
    answers: { type: "string" },
    sample: { type: "string" },
    "data-dir": { type: "string" },
    format: { type: "string" },
    "max-issues": { type: "string" },
    mode: { type: "string" },
  },
  async run(values, _positionals, io) {
    const competition = getCompetition(required(values, "competition", "validate"));
    const submissionPath = required(values, "submission", "validate");
    const format = (optionalString(values, "format") ?? "text") as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`validate: --format must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(format)}`);
    const maxText = optionalString(values, "max-issues") ?? "20";
    const maxIssues = Number(maxText);
    if (!Number.isInteger(maxIssues) || maxIssues < 0) throw new UsageError(`validate: --max-issues must be a whole number, got ${JSON.stringify(maxText)}`);
    const progress = io.isTTY ? progressLine(io, submissionPath) : undefined;
    let report: ValidationReport;
    try {
      report = await validateFile({
        competition,
        submissionPath,
        answersPath: optionalString(values, "answers"),
        samplePath: optionalString(values, "sample"),
        dataDir: optionalString(values, "data-dir"),
        mode: modeOption(values, "validate"),
        onProgress: progress?.update,
        signal: io.signal,
      });
    } finally {
      progress?.clear();
    }
    if (format === "json") io.stdout(stringifyReport(report) + "\n");
    else if (format === "github") io.stdout(githubAnnotations(report, submissionPath, maxIssues));
    else io.stdout(textReport(report, maxIssues));
    return report.valid ? EXIT.ok : EXIT.invalid;
  },
};

const REFERENCES: Record<ValidationReport["reference"], string> = {
  sample: "ids and row count checked against the sample submission",
  answers: "ids and row count checked against the answers",
  definition: "checked against the competition's column definitions only",
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Human summary: verdict, what it was checked against, the first issues, then counts. */
export function textReport(report: ValidationReport, maxIssues: number): string {
  const checked = [REFERENCES[report.reference]];
  if (report.grader) checked.push(report.grader.outcome === "score" ? "the grader accepts it" : `the grader rejects it (${report.grader.code})`);
  const verdict = report.valid ? "valid" : "invalid";
  const lines = [`${report.file}: ${verdict} for ${report.competition_id}: ${plural(report.rows, "row")}, ${plural(report.errors, "error")}, ${plural(report.warnings, "warning")} (${checked.join("; ")})`];
  const shown = report.issues.slice(0, maxIssues);
  for (const issue of shown) lines.push(`  ${issue.severity === "error" ? "error  " : "warning"} ${issue.code.padEnd(18)} ${issue.message}`);
  const hidden = report.errors + report.warnings - shown.length;
  if (hidden > 0) {
    const counts = Object.entries(report.counts)
      .map(([code, n]) => `${code} ${n}`)
      .join(", ");
    lines.push(`  … ${plural(hidden, "more issue")} (all issues by code: ${counts}); --format json lists up to 1000`);
  }
  return lines.join("\n") + "\n";
}

/** GitHub Actions workflow commands: `::error file=…,line=…,title=CODE::message`, then a summary line. */
export function githubAnnotations(report: ValidationReport, path: string, maxIssues: number): string {
  const lines = report.issues.slice(0, maxIssues).map((issue) => annotation(issue, path));
  const hidden = report.errors + report.warnings - Math.min(maxIssues, report.issues.length);
  lines.push(`${report.file}: ${report.valid ? "valid" : "invalid"} for ${report.competition_id} (${plural(report.errors, "error")}, ${plural(report.warnings, "warning")}${hidden > 0 ? `, ${hidden} not annotated` : ""})`);
  return lines.join("\n") + "\n";
}

function annotation(issue: ValidationIssue, path: string): string {
  const properties = [`file=${escapeProperty(path)}`];
  if (issue.line !== undefined) properties.push(`line=${issue.line}`);
  properties.push(`title=${escapeProperty(issue.code)}`);
  return `::${issue.severity === "error" ? "error" : "warning"} ${properties.join(",")}::${escapeData(issue.message)}`;
}

/** Escaping of workflow command data (GitHub's toolkit `escapeData`). */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escaping of workflow command properties (GitHub's toolkit `escapeProperty`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** A progress line on stderr, redrawn at most ten times a second; only used on a terminal. */
function progressLine(io: CliIO, path: string): { update: (read: number, total: number) => void; clear: () => void } {
  let last = 0;
  let drawn = false;
  return {
    update(read, total) {
      const now = Date.now();
      if (now - last < 100 && read < total) return;
      last = now;
      drawn = true;
      const percent = total > 0 ? Math.floor((read / total) * 100) : 100;
      io.stderr(`\rvalidating ${path}: ${percent}% (${megabytes(read)} of ${megabytes(total)})`);
    },
    clear() {
      if (drawn) io.stderr("\r\x1b[K");
    },
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MiB`;
}
