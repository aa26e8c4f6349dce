import { haversineDistanceQuantiles } from "../../metrics/haversine-distance-quantiles.js";
import { fail, requireColumns, requireSameLength } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { numpyNumbers } from "../grader/regression.js";
import type { CellKey, Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { defineCompetition } from "./define.js";

const TRIP = "tripId";
const TIME = "UnixTimeMillis";
const LAT = "LatitudeDegrees";
const LNG = "LongitudeDegrees";

export default defineCompetition(
  {
    id: "smartphone-decimeter-2022",
    name: "Google Smartphone Decimeter Challenge 2022",
    splits: ["high"],
    category: "Signal / Geolocation Regression",
    answers: "smartphone-decimeter-2022/prepared/private/test.csv",
    sampleSubmission: "smartphone-decimeter-2022/prepared/public/sample_submission.csv",
    columns: [
      { name: TRIP, kind: "id" },
      { name: TIME, kind: "id" },
      { name: LAT, kind: "number" },
      { name: LNG, kind: "number" },
    ],
    answersColumns: [TRIP, TIME, LAT, LNG],
    metric: { id: "haversine-distance-quantiles" },
    direction: "minimize",
    awardsMedals: true,
    rowMatching:
      "per tripId (in the answers' order of first appearance), the trip's submission rows are paired with its answers rows by position in the file; UnixTimeMillis is not compared (kaggle mode: pairs them by UnixTimeMillis)",
    knownIssues: [
      "Within a trip, rows are paired by file position: shuffled rows are scored against the wrong epochs, silently (kaggle mode pairs by timestamp)",
      "The grader needs a tripId column, although Kaggle's description names a phone column",
      "A missing latitude or longitude makes the score NaN, reported as a valid score",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, [TRIP, TIME, LAT, LNG]);
    requireColumns(submission, [TRIP, TIME, LAT, LNG]);
    requireSameLength(submission, ans);
    const subTrips = rowsByKey(submission.col(TRIP));
    const ansTrips = rowsByKey(ans.col(TRIP));
    const subRows: number[] = [];
    const ansRows: number[] = [];
    const groups: number[] = [];
    let predicted: [Float64Array, Float64Array] | undefined;
    let trip = 0;
    for (const [key, rows] of ansTrips) {
      const mine = subTrips.get(key) ?? [];
      if (mine.length !== rows.length) {
        const name = ans.col(TRIP).get(rows[0]!);
        fail("ROW_COUNT_MISMATCH", `${submission.file ?? "submission"}: expected ${rows.length} rows for tripId ${JSON.stringify(name)}, got ${mine.length}`, {
          issues: [{ code: "ROW_COUNT_MISMATCH", message: `tripId ${JSON.stringify(name)}: expected ${rows.length} rows, got ${mine.length}`, file: submission.file, column: TRIP, expected: String(rows.length), received: String(mine.length) }],
        });
      }
      // The first trip's distances are computed before the next trip's count is checked, so text coordinates crash here.
      predicted ??= [numpyNumbers(submission, submission.col(LAT)), numpyNumbers(submission, submission.col(LNG))];
      const [mineOrdered, theirs] = context.mode === "kaggle" ? pairByTime(submission, ans, mine, rows) : [mine, rows];
      subRows.push(...mineOrdered);
      ansRows.push(...theirs);
      for (let i = 0; i < rows.length; i++) groups.push(trip);
      trip++;
    }
    const pick = (values: Float64Array, rows: number[]) => Float64Array.from(rows, (row) => values[row]!);
    const [latPred, lngPred] = predicted ?? [new Float64Array(0), new Float64Array(0)];
    const [latTrue, lngTrue] = [floatsOf(ans, ans.col(LAT)), floatsOf(ans, ans.col(LNG))];
    return haversineDistanceQuantiles(pick(latTrue, ansRows), pick(lngTrue, ansRows), pick(latPred, subRows), pick(lngPred, subRows), groups);
  },
);

/** Rows per key in order of first appearance (`unique()` then `df[df.key == k]`); missing keys match nothing. */
function rowsByKey(column: Column): Map<CellKey, number[]> {
  const rows = new Map<CellKey, number[]>();
  for (let i = 0; i < column.length; i++) {
    if (column.isMissing(i)) continue;
    const key = column.key(i);
    const list = rows.get(key);
    if (list) list.push(i);
    else rows.set(key, [i]);
  }
  return rows;
}

/** kaggle mode: a trip's rows on both sides sorted by timestamp, which must then be equal. */
function pairByTime(submission: Frame, ans: Frame, mine: number[], theirs: number[]): [number[], number[]] {
  const subTimes = submission.col(TIME);
  const ansTimes = ans.col(TIME);
  const byTime = (column: Column) => (a: number, b: number) => compareKeys(column.key(a), column.key(b)) || a - b;
  const sortedMine = [...mine].sort(byTime(subTimes));
  const sortedTheirs = [...theirs].sort(byTime(ansTimes));
  sortedMine.forEach((row, i) => {
    if (subTimes.key(row) !== ansTimes.key(sortedTheirs[i]!)) {
      fail("ID_MISMATCH", `${submission.file ?? "submission"} row ${subTimes.sourceRow(row) + 1}, column "${TIME}": expected ${String(ansTimes.get(sortedTheirs[i]!))}, got ${String(subTimes.get(row))}`);
    }
  });
  return [sortedMine, sortedTheirs];
}

function compareKeys(x: CellKey, y: CellKey): number {
  if (typeof x === "number" && typeof y === "number") return x - y;
  const [a, b] = [String(x), String(y)];
  return a < b ? -1 : a > b ? 1 : 0;
}
