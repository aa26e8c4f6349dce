import { labelRankingAveragePrecision } from "../../metrics/label-ranking-average-precision.js";
import { fail, failCells, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { AnswersError, type Issue } from "../errors.js";
import type { Column } from "../table/column.js";
import { Frame } from "../table/frame.js";
import { parseFloatText } from "../table/scalars.js";
import { defineCompetition } from "./define.js";

/** The 80 labels of the competition's vocabulary, in the order the columns must appear. */
export const FREESOUND_CLASSES: readonly string[] = [
  "Accelerating_and_revving_and_vroom", "Accordion", "Acoustic_guitar", "Applause", "Bark", "Bass_drum", "Bass_guitar",
  "Bathtub_(filling_or_washing)", "Bicycle_bell", "Burping_and_eructation", "Bus", "Buzz", "Car_passing_by",
  "Cheering", "Chewing_and_mastication", "Child_speech_and_kid_speaking", "Chink_and_clink", "Chirp_and_tweet",
  "Church_bell", "Clapping", "Computer_keyboard", "Crackle", "Cricket", "Crowd", "Cupboard_open_or_close",
  "Cutlery_and_silverware", "Dishes_and_pots_and_pans", "Drawer_open_or_close", "Drip", "Electric_guitar", "Fart",
  "Female_singing", "Female_speech_and_woman_speaking", "Fill_(with_liquid)", "Finger_snapping", "Frying_(food)",
  "Gasp", "Glockenspiel", "Gong", "Gurgling", "Harmonica", "Hi-hat", "Hiss", "Keys_jangling", "Knock", "Male_singing",
  "Male_speech_and_man_speaking", "Marimba_and_xylophone", "Mechanical_fan", "Meow", "Microwave_oven", "Motorcycle",
  "Printer", "Purr", "Race_car_and_auto_racing", "Raindrop", "Run", "Scissors", "Screaming", "Shatter", "Sigh",
  "Sink_(filling_or_washing)", "Skateboard", "Slam", "Sneeze", "Squeak", "Stream", "Strum", "Tap", "Tick-tock",
  "Toilet_flush", "Traffic_noise_and_roadway_noise", "Trickle_and_dribble", "Walk_and_footsteps",
  "Water_tap_and_faucet", "Waves_and_surf", "Whispering", "Writing", "Yell", "Zipper_(clothing)",
];

const ID = "fname";

/** A class column as numbers (pd.to_numeric); text that is not a number is reported. */
function scoresOf(column: Column): Float64Array | number[] {
  if (column.values) return column.values;
  const out = new Float64Array(column.length);
  const bad: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const cell = column.get(i);
    if (typeof cell === "number") out[i] = cell;
    else if (typeof cell === "boolean") out[i] = cell ? 1 : 0;
    else {
      const value = parseFloatText(cell);
      if (value === undefined) bad.push(i);
      else out[i] = value;
    }
  }
  return bad.length > 0 ? bad : out;
}

export default defineCompetition(
  {
    id: "freesound-audio-tagging-2019",
    name: "Freesound Audio Tagging 2019",
    splits: ["medium"],
    category: "Audio classification (multi-label)",
    answers: "freesound-audio-tagging-2019/prepared/private/test.csv",
    sampleSubmission: "freesound-audio-tagging-2019/prepared/public/sample_submission.csv",
    columns: [{ name: ID, kind: "id" }, ...FREESOUND_CLASSES.map((name) => ({ name, kind: "number" as const }))],
    extraColumns: "rejected",
    answersColumns: [ID, ...FREESOUND_CLASSES],
    metric: { id: "label-ranking-average-precision", options: { labelWeighted: true } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "fname first, then the 80 class columns in vocabulary order; sort both by fname; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "The class columns must appear in the vocabulary's order: a permutation is rejected, and a missing or extra column crashes the grader (null score)",
      "Scores are only ranked within a row, so any real numbers work (no [0, 1] check); ties count against the prediction",
      "NaN or infinite scores crash the grader, except in rows whose answer has no positive label (those rows are dropped before the check)",
    ],
  },
  (submission, answers) => {
    if (!(answers instanceof Frame) || answers.columnNames[0] !== ID || answers.columnNames.slice(1).join("\n") !== FREESOUND_CLASSES.join("\n")) {
      throw new AnswersError(`answers: expected the columns ${ID} and the 80 class names in vocabulary order`);
    }
    requireSameLength(submission, answers);
    const names = submission.columnNames;
    if (names[0] !== ID) {
      if (names.length === 0) fail("MISSING_COLUMN", `${submission.file ?? "submission"}: expected a first column "${ID}", got no columns`, { upstream: "error" });
      fail(names.includes(ID) ? "COLUMN_ORDER" : "MISSING_COLUMN", `${submission.file ?? "submission"}: expected "${ID}" as the first column, got "${names[0]}"`);
    }
    const classNames = names.slice(1);
    const expected = new Set(FREESOUND_CLASSES);
    const missing = FREESOUND_CLASSES.filter((name) => !classNames.includes(name));
    const extra = classNames.filter((name) => !expected.has(name));
    const issues: Issue[] = [
      ...missing.map((name) => ({ code: "MISSING_COLUMN" as const, message: `missing class column "${name}"`, file: submission.file, column: name, expected: name })),
      ...extra.map((name) => ({ code: "UNEXPECTED_COLUMN" as const, message: `unexpected column "${name}"`, file: submission.file, column: name, received: name })),
    ];
    if (classNames.length !== FREESOUND_CLASSES.length) {
      // pandas cannot compare an Index with a list of another length: the grader crashes.
      fail(missing.length > 0 ? "MISSING_COLUMN" : "UNEXPECTED_COLUMN", `${submission.file ?? "submission"}: expected ${FREESOUND_CLASSES.length} class columns after ${ID}, got ${classNames.length}`, { issues, upstream: "error" });
    }
    const firstOff = classNames.findIndex((name, i) => name !== FREESOUND_CLASSES[i]);
    if (firstOff >= 0) {
      const code = missing.length === 0 ? "COLUMN_ORDER" : "MISSING_COLUMN";
      fail(code, `${submission.file ?? "submission"}: expected class column ${firstOff + 2} to be "${FREESOUND_CLASSES[firstOff]}", got "${classNames[firstOff]}"`, { issues });
    }
    const sortedSubmission = submission.sortBy(ID);
    const sortedAnswers = answers.sortBy(ID);
    requireSameSortedIds(sortedSubmission, sortedAnswers, ID);
    const scoreColumns = FREESOUND_CLASSES.map((name) => {
      const column = sortedSubmission.col(name);
      const values = scoresOf(column);
      if (Array.isArray(values)) failCells(sortedSubmission, column, values, "NON_NUMERIC", "a number", "invalid");
      return values as Float64Array;
    });
    const truthColumns = FREESOUND_CLASSES.map((name) => {
      const values = scoresOf(sortedAnswers.col(name));
      if (Array.isArray(values)) throw new AnswersError(`answers column "${name}": expected numbers`);
      return values as Float64Array;
    });
    const n = sortedAnswers.length;
    const width = FREESOUND_CLASSES.length;
    const yTrue: Uint8Array[] = [];
    const yScore: Float64Array[] = [];
    for (let i = 0; i < n; i++) {
      const truth = new Uint8Array(width);
      const scores = new Float64Array(width);
      for (let j = 0; j < width; j++) {
        truth[j] = truthColumns[j]![i]! > 0 ? 1 : 0;
        scores[j] = scoreColumns[j]![i]!;
      }
      yTrue.push(truth);
      yScore.push(scores);
    }
    return labelRankingAveragePrecision(yTrue, yScore, { labelWeighted: true });
  },
);
