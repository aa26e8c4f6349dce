import { pointInBoxF1 } from "../../metrics/point-in-box-f1.js";
import { AnswersError } from "../errors.js";
import { alignBySortedIds } from "../grader/align.js";
import { failCell, textCell, tokenFloat } from "../grader/prediction-strings.js";
import { pythonFloat } from "../table/scalars.js";
import { defineCompetition } from "./define.js";

const ID = "image_id";
const LABELS = "labels";

export default defineCompetition(
  {
    id: "kuzushiji-recognition",
    name: "Kuzushiji Recognition",
    splits: ["medium"],
    category: "Object Detection",
    answers: "kuzushiji-recognition/prepared/private/test.csv",
    sampleSubmission: "kuzushiji-recognition/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: LABELS, kind: "prediction-string", format: "unicode X Y, repeated for each character", allowEmpty: true },
    ],
    answersColumns: [ID, LABELS],
    metric: { id: "point-in-box-f1" },
    direction: "maximize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "sort both by image_id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Tokens are split on single spaces: a double or trailing space adds an empty token, which shifts the triples (invalid, or a crash when a coordinate is not a number)",
      "A point exactly on a box edge does not count (strict inequalities)",
    ],
  },
  (submission, answers) => {
    const { submission: sub, answers: sortedAnswers } = alignBySortedIds(submission, answers, { id: ID, target: LABELS, order: "length-first" });

    // prepare_for_metric: every non-missing string must hold `label X Y` triples with float X and Y.
    const column = sub.col(LABELS);
    const parsed: (string[] | null)[] = [];
    for (let row = 0; row < sub.length; row++) {
      const ref = { frame: sub, column, row };
      const text = textCell(ref);
      if (text === null) {
        parsed.push(null);
        continue;
      }
      const tokens = text.split(" ");
      if (tokens.length % 3 !== 0) {
        failCell(ref, "MALFORMED_PREDICTION", "'label X Y' triples separated by single spaces", `${tokens.length} tokens`, "invalid");
      }
      for (let i = 1; i < tokens.length; i += 3) tokenFloat(ref, tokens, i, "error");
      for (let i = 2; i < tokens.length; i += 3) tokenFloat(ref, tokens, i, "error");
      parsed.push(tokens);
    }

    const truth = { page: [] as number[], label: [] as string[], boxes: [] as number[] };
    const predictions = { page: [] as number[], label: [] as string[], points: [] as number[] };
    const truthColumn = sortedAnswers.col(LABELS);
    for (let page = 0; page < sub.length; page++) {
      const tokens = parsed[page];
      if (tokens) {
        for (let i = 0; i < tokens.length; i += 3) {
          predictions.page.push(page);
          predictions.label.push(tokens[i]!);
          predictions.points.push(pythonFloat(tokens[i + 1]!)!, pythonFloat(tokens[i + 2]!)!);
        }
      }
      const text = truthColumn.get(page);
      if (typeof text === "number" && Number.isNaN(text)) continue;
      if (typeof text !== "string") throw new AnswersError(`answers row ${truthColumn.sourceRow(page) + 1}: expected 'label X Y W H' groups, got ${String(text)}`);
      const parts = text.split(" ");
      if (parts.length % 5 !== 0) throw new AnswersError(`answers row ${truthColumn.sourceRow(page) + 1}: expected 'label X Y W H' groups, got ${parts.length} tokens`);
      for (let i = 0; i < parts.length; i += 5) {
        truth.page.push(page);
        truth.label.push(parts[i]!);
        for (let j = 1; j < 5; j++) {
          const value = pythonFloat(parts[i + j]!);
          if (value === undefined) throw new AnswersError(`answers row ${truthColumn.sourceRow(page) + 1}: expected a number, got ${JSON.stringify(parts[i + j])}`);
          truth.boxes.push(value);
        }
      }
    }
    return pointInBoxF1(truth, predictions);
  },
);
