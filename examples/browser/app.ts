/**
 * The browser example: load a leaderboard, place scores on it, or grade a submission, all in the
 * page with mlegrade's platform-neutral core. Bundled into a single self-contained HTML file by
 * build.mjs (`npm run build`).
 */
import {
  VERSION,
  computeThresholds,
  distributionChart,
  grade,
  listCompetitions,
  parseLeaderboard,
  placeScore,
  type Leaderboard,
  type Thresholds,
} from "../../src/index.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let leaderboard: Leaderboard | null = null;
let thresholds: Thresholds | null = null;
let typedScore: number | null = null;
let listedScores: number[] = [];

function fmt(value: number | null): string {
  if (value === null) return "—";
  if (Number.isNaN(value)) return "NaN";
  return String(Number(value.toFixed(6)));
}

function render(): void {
  const body = $("placements").querySelector("tbody")!;
  body.textContent = "";
  $("chart").innerHTML = "";
  if (!leaderboard || !thresholds) return;
  const scores = [...(typedScore === null ? [] : [typedScore]), ...listedScores];
  scores.forEach((score, i) => {
    const p = placeScore(score, thresholds!, leaderboard!);
    const medal = p.gold ? "gold" : p.silver ? "silver" : p.bronze ? "bronze" : "";
    const row = document.createElement("tr");
    row.className = "placement";
    row.innerHTML = `<td class="num">${i + 1}</td><td class="num">${fmt(score)}</td><td class="medal">${medal ? `<span class="medal-${medal}">${medal}</span>` : "none"}</td><td>${p.aboveMedian ? "yes" : "no"}</td><td class="num rank">${p.rank ?? "—"}</td><td class="num">${p.percentile === null ? "—" : `${p.percentile.toFixed(1)}%`}</td>`;
    body.appendChild(row);
  });
  $("chart").innerHTML = distributionChart(
    leaderboard,
    scores.map((score, i) => ({ score, tag: String(i + 1), label: `${i + 1}: ${fmt(score)}` })),
    "leaderboard distribution",
  );
}

function showError(where: string, error: unknown): void {
  const el = $(where);
  el.className = "error";
  el.textContent = error instanceof Error ? error.message : String(error);
}

async function loadLeaderboard(file: File): Promise<void> {
  try {
    leaderboard = parseLeaderboard(new Uint8Array(await file.arrayBuffer()), file.name);
    thresholds = computeThresholds(leaderboard);
    $("leaderboard-status").className = "sub";
    $("leaderboard-status").textContent = `${file.name}: ${leaderboard.scores.length} teams`;
    $("teams").textContent = String(thresholds.teams);
    $("direction").textContent = thresholds.isLowerBetter ? "lower is better" : "higher is better";
    for (const key of ["gold", "silver", "bronze", "median"] as const) $(key).textContent = fmt(thresholds[key]);
    $("thresholds").hidden = false;
    render();
  } catch (error) {
    leaderboard = thresholds = null;
    $("thresholds").hidden = true;
    showError("leaderboard-status", error);
  }
}

/** Scores from a CSV with a score column or from a grading report (JSON). */
async function loadScores(file: File): Promise<void> {
  const text = await file.text();
  if (file.name.endsWith(".json") || text.trimStart().startsWith("{") || text.trimStart().startsWith("[")) {
    const value = JSON.parse(text.replace(/\bNaN\b/g, "null"));
    const reports = Array.isArray(value) ? value : (value.competition_reports ?? [value]);
    listedScores = reports.map((r: { score: number | null }) => r.score).filter((s: unknown): s is number => typeof s === "number");
  } else {
    listedScores = Array.from(parseLeaderboard(text, file.name).scores).filter((s) => !Number.isNaN(s));
  }
  render();
}

function wireDrop(zoneId: string, inputId: string, load: (file: File) => Promise<void>): void {
  const zone = $(zoneId);
  const input = $<HTMLInputElement>(inputId);
  input.addEventListener("change", () => input.files?.[0] && void load(input.files[0]));
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    const file = event.dataTransfer?.files[0];
    if (file) void load(file);
  });
}

async function gradeSubmission(): Promise<void> {
  const submission = $<HTMLInputElement>("submission-file").files?.[0];
  const answers = $<HTMLInputElement>("answers-file").files?.[0];
  const status = $("grade-status");
  status.className = "sub";
  if (!submission || !answers) {
    status.textContent = "Choose a submission and an answers file first.";
    return;
  }
  try {
    const report = grade({
      competition: $<HTMLSelectElement>("competition").value,
      submission: new Uint8Array(await submission.arrayBuffer()),
      answers: new Uint8Array(await answers.arrayBuffer()),
      submissionPath: submission.name,
    });
    if (report.outcome === "invalid") {
      status.className = "error";
      status.textContent = `Invalid submission (${report.error!.code}): ${report.error!.message}`;
      return;
    }
    status.textContent = `${report.competition_id}: score ${report.score}`;
    status.dataset.score = String(report.score);
    typedScore = report.score;
    $<HTMLInputElement>("score").value = String(report.score);
    render();
  } catch (error) {
    showError("grade-status", error);
  }
}

$("version").textContent = VERSION;
const select = $<HTMLSelectElement>("competition");
for (const competition of listCompetitions()) {
  const option = document.createElement("option");
  option.value = competition.id;
  option.textContent = `${competition.id} (${competition.metric.id})`;
  select.appendChild(option);
}
wireDrop("leaderboard-drop", "leaderboard-file", loadLeaderboard);
wireDrop("scores-drop", "scores-file", loadScores);
$<HTMLInputElement>("score").addEventListener("input", (event) => {
  const text = (event.target as HTMLInputElement).value.trim();
  const value = Number(text);
  typedScore = text === "" || Number.isNaN(value) ? null : value;
  render();
});
$("grade").addEventListener("click", () => void gradeSubmission());
