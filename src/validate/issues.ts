/**
 * The issues a validation collects: every problem is counted, but only the first few of each
 * code are kept as located issues, so a file with a million bad cells yields a short, useful
 * report in bounded memory.
 */
import { formatLocation, type ErrorCode, type Issue } from "../errors.js";

export type Severity = "error" | "warning";

/**
 * Which check found an issue: `format` (the file itself and the competition's column specs),
 * `reference` (ids and row count against the answers or the sample submission), or `grader` (the
 * competition's grader, run when answers are given).
 */
export type IssueOrigin = "format" | "reference" | "grader";

export interface ValidationIssue extends Issue {
  severity: Severity;
  origin: IssueOrigin;
}

/** How many issues of one code are kept, and how many in all, unless the caller says otherwise. */
export const DEFAULT_MAX_ISSUES = 1000;
export const DEFAULT_MAX_PER_CODE = 100;

/** Quotes a cell for messages, cutting long ones. */
export function showText(text: string, limit = 60): string {
  return JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…` : text);
}

/** `submission.csv row 3, column "p": expected a probability in [0, 1], got "1.3"`. */
export function cellMessage(where: Pick<Issue, "file" | "row" | "column">, expected: string, received: string): string {
  return `${formatLocation(where)}: expected ${expected}, got ${received}`;
}

export class IssueLog {
  private readonly kept: ValidationIssue[] = [];
  private readonly keptPerCode = new Map<ErrorCode, number>();
  readonly counts = new Map<ErrorCode, number>();
  private readonly errorCounts = new Map<ErrorCode, number>();
  errors = 0;
  warnings = 0;

  constructor(
    readonly maxIssues = DEFAULT_MAX_ISSUES,
    readonly maxPerCode = DEFAULT_MAX_PER_CODE,
  ) {}

  /**
   * Counts one issue and keeps it if there is room; `build` runs only when it is kept, so floods
   * of the same problem cost a counter increment each.
   */
  report(code: ErrorCode, severity: Severity, build: () => Omit<ValidationIssue, "code" | "severity">): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    if (severity === "error") {
      this.errors++;
      this.errorCounts.set(code, (this.errorCounts.get(code) ?? 0) + 1);
    } else this.warnings++;
    const kept = this.keptPerCode.get(code) ?? 0;
    if (kept >= this.maxPerCode || this.kept.length >= this.maxIssues) return;
    this.keptPerCode.set(code, kept + 1);
    this.kept.push({ code, severity, ...build() });
  }

  /** Whether an issue of this code would still be kept (to skip work building examples). */
  wants(code: ErrorCode): boolean {
    return (this.keptPerCode.get(code) ?? 0) < this.maxPerCode && this.kept.length < this.maxIssues;
  }

  /** Turns every error into a warning (the grader accepted what the generic checks doubted). */
  downgradeErrors(): void {
    for (const issue of this.kept) issue.severity = "warning";
    this.warnings += this.errors;
    this.errors = 0;
    this.errorCounts.clear();
  }

  /** The kept issues: errors first, each group by line in the file (whole-file issues last), then code. */
  issues(): ValidationIssue[] {
    const byLine = (a: ValidationIssue, b: ValidationIssue) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    const sorted = (severity: Severity) => this.kept.filter((i) => i.severity === severity).sort(byLine);
    return [...sorted("error"), ...sorted("warning")];
  }

  get total(): number {
    return this.errors + this.warnings;
  }

  /**
   * Whether the grader's issue repeats an error already counted: same code and row, or, for an
   * issue without a row (a whole-file problem), any error of that code.
   */
  covers(code: ErrorCode, row: number | undefined): boolean {
    if (row === undefined) return (this.errorCounts.get(code) ?? 0) > 0;
    return this.kept.some((i) => i.severity === "error" && i.code === code && i.row === row);
  }
}
