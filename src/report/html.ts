/**
 * A self-contained HTML page for a set of grading reports: a summary table per split, and per
 * competition the leaderboard's score distribution (inline SVG) with the gold, silver, bronze and
 * median thresholds and each run's score and rank marked. No scripts, no network, no external
 * fonts or styles: the file opens anywhere and prints cleanly.
 *
 * Platform-neutral: takes reports and parsed leaderboards, returns a string.
 */
import { getCompetition } from "../competitions/index.js";
import type { CompetitionDefinition } from "../competitions/define.js";
import type { GradeReport } from "../grader/grade.js";
import { computeThresholds, placeScore, type Leaderboard } from "../medals.js";
import { VERSION } from "../version.js";

/** The report fields the page reads (MLE-bench's report has all of them except the optional ones). */
export type ReportForPage = Pick<GradeReport, "competition_id" | "score" | "gold_medal" | "silver_medal" | "bronze_medal" | "above_median" | "submission_exists" | "valid_submission" | "submission_path"> &
  Partial<Pick<GradeReport, "rank" | "error" | "raw_score">>;

export interface ReportPageOptions {
  title?: string;
  /** Leaderboards by competition id; competitions without one get no chart. */
  leaderboards: ReadonlyMap<string, Leaderboard>;
  /** Shown under the title (e.g. the source report file). */
  subtitle?: string;
  generatedAt?: Date;
}

const SPLIT_ORDER = ["low", "medium", "high", "dev", "unknown"] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function fmt(value: number | null | undefined, digits = 5): string {
  if (value === null || value === undefined) return "—";
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const fixed = value.toFixed(digits);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

function medalOf(report: ReportForPage): "gold" | "silver" | "bronze" | null {
  return report.gold_medal ? "gold" : report.silver_medal ? "silver" : report.bronze_medal ? "bronze" : null;
}

function percent(count: number, total: number): string {
  return total === 0 ? "—" : `${((100 * count) / total).toFixed(1)}%`;
}

function lookup(id: string): CompetitionDefinition | undefined {
  try {
    return getCompetition(id);
  } catch {
    return undefined;
  }
}

/** Histogram of the leaderboard with threshold lines and run markers, as an SVG string. */
export function distributionChart(leaderboard: Leaderboard, runs: ReadonlyArray<{ score: number; label: string; tag?: string }>, title: string): string {
  const width = 720;
  const height = 240;
  const margin = { left: 48, right: 20, top: 28, bottom: 40 };
  const scores = Array.from(leaderboard.scores).filter((s) => Number.isFinite(s)).sort((a, b) => a - b);
  const thresholds = computeThresholds(leaderboard);
  // Leaderboards have long tails of broken submissions: keep the axis to the quartiles ± 3 IQR
  // (Tukey's far-out fences) plus every marked value, and say how many teams fall outside.
  const q = (p: number) => scores[Math.min(scores.length - 1, Math.max(0, Math.floor(p * (scores.length - 1))))]!;
  const iqr = q(0.75) - q(0.25);
  const marked = [thresholds.gold, thresholds.silver, thresholds.bronze, thresholds.median, ...runs.map((r) => r.score)].filter((v) => Number.isFinite(v));
  let lo = Math.min(Math.max(scores[0]!, q(0.25) - 3 * iqr), ...marked);
  let hi = Math.max(Math.min(scores[scores.length - 1]!, q(0.75) + 3 * iqr), ...marked);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const bins = 40;
  const counts = new Array<number>(bins).fill(0);
  let outside = 0;
  for (const s of scores) {
    if (s < lo || s > hi) {
      outside++;
      continue;
    }
    counts[Math.min(bins - 1, Math.floor(((s - lo) / (hi - lo)) * bins))]!++;
  }
  const maxCount = Math.max(1, ...counts);
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (v: number) => margin.left + ((v - lo) / (hi - lo)) * plotW;
  const parts: string[] = [];
  parts.push(`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`);
  parts.push(`<title>${escapeHtml(title)}</title>`);
  const barW = plotW / bins;
  counts.forEach((count, i) => {
    const h = (count / maxCount) * plotH;
    parts.push(`<rect class="bar" x="${(margin.left + i * barW + 0.5).toFixed(2)}" y="${(margin.top + plotH - h).toFixed(2)}" width="${Math.max(0, barW - 1).toFixed(2)}" height="${h.toFixed(2)}"/>`);
  });
  parts.push(`<line class="axis" x1="${margin.left}" y1="${margin.top + plotH}" x2="${width - margin.right}" y2="${margin.top + plotH}"/>`);
  for (let t = 0; t <= 4; t++) {
    const v = lo + ((hi - lo) * t) / 4;
    parts.push(`<text class="tick" x="${x(v).toFixed(2)}" y="${margin.top + plotH + 16}" text-anchor="middle">${escapeHtml(fmt(v, 4))}</text>`);
  }
  parts.push(`<text class="tick" x="${margin.left}" y="${height - 6}">${thresholds.isLowerBetter ? "← better (lower is better)" : "higher is better →"}</text>`);
  const note = outside > 0 ? ` (${outside} outside the axis)` : "";
  parts.push(`<text class="tick" x="${width - margin.right}" y="${height - 6}" text-anchor="end">${leaderboard.scores.length} teams${note}</text>`);
  const lines: Array<[string, number]> = [
    ["gold", thresholds.gold],
    ["silver", thresholds.silver],
    ["bronze", thresholds.bronze],
    ["median", thresholds.median],
  ];
  lines.forEach(([name, value], i) => {
    if (!Number.isFinite(value)) return;
    parts.push(`<line class="threshold ${name}" x1="${x(value).toFixed(2)}" y1="${margin.top - 4}" x2="${x(value).toFixed(2)}" y2="${margin.top + plotH}"><title>${name} ${fmt(value)}</title></line>`);
    parts.push(`<text class="threshold-label ${name}" x="${(x(value) + 3).toFixed(2)}" y="${margin.top + 8 + i * 11}">${name}</text>`);
  });
  for (const run of runs) {
    if (!Number.isFinite(run.score)) continue;
    const px = x(run.score);
    parts.push(`<path class="run" d="M ${px.toFixed(2)} ${margin.top + plotH} l -6 10 l 12 0 z"><title>${escapeHtml(run.label)}</title></path>`);
    parts.push(`<line class="run-line" x1="${px.toFixed(2)}" y1="${margin.top}" x2="${px.toFixed(2)}" y2="${margin.top + plotH}"/>`);
    if (run.tag) parts.push(`<text class="run-tag" x="${(px + 3).toFixed(2)}" y="${margin.top - 6}">${escapeHtml(run.tag)}</text>`);
  }
  parts.push(`</svg>`);
  return parts.join("");
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:960px;color:#1f2328;padding:0 1rem}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
.sub{color:#59636e}table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.25rem .6rem;border-bottom:1px solid #eaeef2;text-align:left}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
section.competition{margin:1.5rem 0;padding:1rem;border:1px solid #d0d7de;border-radius:6px}
section.competition h3{margin:0 0 .3rem}.meta{color:#59636e;margin:.2rem 0 .6rem}
.chart .bar{fill:#8fb8de}.chart .axis{stroke:#57606a}.chart .tick{font-size:11px;fill:#57606a}
.chart .threshold{stroke-width:2;stroke-dasharray:4 3}.chart .gold{stroke:#b8860b;fill:#b8860b}.chart .silver{stroke:#8c959f;fill:#6e7781}
.chart .bronze{stroke:#a0522d;fill:#a0522d}.chart .median{stroke:#1f2328;fill:#1f2328}.chart .threshold-label{font-size:10px;stroke:none}
.chart .run{fill:#cf222e}.chart .run-tag{font-size:11px;fill:#cf222e;font-weight:600}.chart .run-line{stroke:#cf222e;stroke-width:1.5}
.medal-gold{color:#9a6700;font-weight:600}.medal-silver{color:#57606a;font-weight:600}.medal-bronze{color:#953800;font-weight:600}.invalid{color:#cf222e}
`;

/** Renders the report page. */
export function renderReportHtml(reports: readonly ReportForPage[], options: ReportPageOptions): string {
  const byCompetition = new Map<string, ReportForPage[]>();
  for (const report of reports) {
    const list = byCompetition.get(report.competition_id);
    if (list) list.push(report);
    else byCompetition.set(report.competition_id, [report]);
  }
  const ids = [...byCompetition.keys()].sort();
  const splitOf = (id: string) => lookup(id)?.splits[0] ?? "unknown";

  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`);
  out.push(`<title>${escapeHtml(options.title ?? "mlegrade report")}</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>${escapeHtml(options.title ?? "Grading report")}</h1>`);
  const generated = (options.generatedAt ?? new Date()).toISOString().replace(/\.\d+Z$/, "Z");
  out.push(`<p class="sub">${options.subtitle ? `${escapeHtml(options.subtitle)} · ` : ""}${reports.length} run${reports.length === 1 ? "" : "s"} over ${ids.length} competition${ids.length === 1 ? "" : "s"} · generated ${generated} by mlegrade ${VERSION}</p>`);

  out.push(`<h2>Summary by split</h2><table class="summary"><thead><tr><th>split</th><th>competitions</th><th>runs</th><th>submitted</th><th>valid</th><th>any medal</th><th>gold</th><th>silver</th><th>bronze</th><th>above median</th></tr></thead><tbody>`);
  const splits = [...new Set(ids.map(splitOf))].sort((a, b) => SPLIT_ORDER.indexOf(a as never) - SPLIT_ORDER.indexOf(b as never));
  for (const split of [...splits, "all"]) {
    const runs = reports.filter((r) => split === "all" || splitOf(r.competition_id) === split);
    const count = (test: (r: ReportForPage) => boolean) => runs.filter(test).length;
    const competitions = new Set(runs.map((r) => r.competition_id)).size;
    out.push(
      `<tr${split === "all" ? ' class="total"' : ""}><th>${split}</th><td class="num">${competitions}</td><td class="num">${runs.length}</td>` +
        [
          count((r) => r.submission_exists),
          count((r) => r.valid_submission),
          count((r) => medalOf(r) !== null),
          count((r) => r.gold_medal),
          count((r) => r.silver_medal),
          count((r) => r.bronze_medal),
          count((r) => r.above_median),
        ]
          .map((c) => `<td class="num">${c} <span class="sub">(${percent(c, runs.length)})</span></td>`)
          .join("") +
        `</tr>`,
    );
  }
  out.push(`</tbody></table>`);

  out.push(`<h2>Competitions</h2>`);
  for (const id of ids) {
    const runs = byCompetition.get(id)!;
    const competition = lookup(id);
    const leaderboard = options.leaderboards.get(id);
    out.push(`<section class="competition" id="${escapeHtml(id)}"><h3>${escapeHtml(competition?.name ?? id)} <span class="sub">${escapeHtml(id)}</span></h3>`);
    if (competition) {
      out.push(`<p class="meta">${competition.metric.id}, ${competition.direction === "maximize" ? "higher" : "lower"} is better · split ${competition.splits.join(", ")}</p>`);
    }
    if (leaderboard && leaderboard.scores.length > 0) {
      const thresholds = computeThresholds(leaderboard);
      const marks = runs
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r.score !== null && Number.isFinite(r.score))
        .map(({ r, i }) => {
          const place = placeScore(r.score, thresholds, leaderboard);
          return { score: r.score!, tag: `${i + 1}`, label: `run ${i + 1}: ${fmt(r.score)} (rank ${place.rank} of ${leaderboard.scores.length})` };
        });
      out.push(distributionChart(leaderboard, marks, `${id}: leaderboard distribution`));
      out.push(`<p class="meta">gold ${fmt(thresholds.gold)} · silver ${fmt(thresholds.silver)} · bronze ${fmt(thresholds.bronze)} · median ${fmt(thresholds.median)}</p>`);
    } else {
      out.push(`<p class="meta">No leaderboard available: no chart.</p>`);
    }
    out.push(`<table class="runs"><thead><tr><th>run</th><th>score</th><th>medal</th><th>rank</th><th>submission</th></tr></thead><tbody>`);
    runs.forEach((r, i) => {
      const medal = medalOf(r);
      const rank = leaderboard && r.score !== null ? placeScore(r.score, computeThresholds(leaderboard), leaderboard).rank : (r.rank ?? null);
      const scoreCell = r.valid_submission ? fmt(r.score) : `<span class="invalid">invalid${r.error ? ` (${escapeHtml(r.error.code)})` : ""}</span>`;
      out.push(
        `<tr><td class="num">${i + 1}</td><td class="num">${scoreCell}</td><td>${medal ? `<span class="medal-${medal}">${medal}</span>` : r.above_median ? "above median" : "—"}</td><td class="num">${rank ?? "—"}${leaderboard && rank ? ` / ${leaderboard.scores.length}` : ""}</td><td>${escapeHtml(r.submission_path)}</td></tr>`,
      );
    });
    out.push(`</tbody></table></section>`);
  }
  out.push(`</body></html>\n`);
  return out.join("\n");
}
