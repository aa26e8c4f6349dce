import { levenshteinErrorRate } from "../../metrics/levenshtein-error-rate.js";
import { alignBySortedIds } from "../grader/align.js";
import { failCells } from "../grader/checks.js";
import { pythonInt } from "../grader/text.js";
import { AnswersError } from "../errors.js";
import { pythonSplit } from "../table/scalars.js";
import { defineCompetition } from "./define.js";

/** `[int(t) for t in text.split()]`, each integer as a canonical decimal string; null where int() fails. */
function gestureTokens(text: string): string[] | null {
  const tokens = pythonSplit(text);
  const out = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const value = pythonInt(tokens[i]!);
    if (value === undefined) return null;
    out[i] = value;
  }
  return out;
}

export default defineCompetition(
  {
    id: "multi-modal-gesture-recognition",
    name: "Multi-modal Gesture Recognition",
    splits: ["medium"],
    category: "Video and multimodal sequence recognition",
    answers: "multi-modal-gesture-recognition/prepared/private/test.csv",
    sampleSubmission: "multi-modal-gesture-recognition/prepared/public/randomPredictions.csv",
    columns: [
      { name: "Id", kind: "id" },
      { name: "Sequence", kind: "text", format: "space-separated gesture ids (integers)" },
    ],
    answersColumns: ["Id", "Sequence"],
    metric: { id: "levenshtein-error-rate" },
    direction: "minimize",
    awardsMedals: false,
    rowMatching: "sort both by Id; sorted Ids must be equal; rows paired in that order",
    knownIssues: [
      "An empty Sequence is read as missing and becomes the text 'nan', which is not an integer: the submission is rejected rather than scored as predicting no gesture",
      "Gesture ids are compared as integers: '07' equals '7'; a Sequence column with one decimal number per row (e.g. '3.0') is rejected",
      "The score can exceed 1 when predictions are longer than the truth",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred, submission: sorted } = alignBySortedIds(submission, answers, { id: "Id", target: "Sequence", order: "length-first" });
    const truth = yTrue.toStrings().map((text, i) => {
      const tokens = gestureTokens(text);
      if (!tokens) throw new AnswersError(`answers row ${yTrue.sourceRow(i) + 1}, column "Sequence": expected integers separated by spaces, got ${JSON.stringify(text)}`);
      return tokens;
    });
    const texts = yPred.toStrings();
    const predicted: string[][] = [];
    const bad: number[] = [];
    texts.forEach((text, i) => {
      const tokens = gestureTokens(text);
      if (tokens) predicted.push(tokens);
      else bad.push(i);
    });
    if (bad.length > 0) failCells(sorted, yPred, bad, "MALFORMED_PREDICTION", "integers separated by spaces", "invalid");
    return levenshteinErrorRate(truth, predicted);
  },
);
