/**
 * Semantics of the classification graders that the shared conformance cases do not exercise.
 * Expected outcomes and scores come from MLE-bench's own grade.py for each competition, run on
 * the same CSV text with Debian's pandas 1.5.3 (with `None` added to the missing-value spellings,
 * as pandas 2 reads it) and scikit-learn 1.2.1; kaggle-mode values were worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { grade } from "../../src/index.js";
import type { GradingMode } from "../../src/medals.js";

interface Case {
  name: string;
  submission: string;
  /** A raw score, or the outcome and MLE-bench's invalid/error distinction with our error code. */
  expected: number | { upstream: "invalid" | "error"; code: string };
  mode?: GradingMode;
}

function check(competition: string, answers: string, cases: Case[]): void {
  describe(competition, () => {
    for (const c of cases) {
      it(`${c.name}${c.mode ? ` (${c.mode} mode)` : ""}`, () => {
        const report = grade({ competition, submission: c.submission, answers, mode: c.mode });
        if (typeof c.expected === "number") {
          expect(report.error, report.error?.message).toBeNull();
          expect(report.raw_score).toBe(c.expected);
        } else {
          expect(report.outcome).toBe("invalid");
          expect(report.error?.upstream, report.error?.message).toBe(c.expected.upstream);
          expect(report.error?.code, report.error?.message).toBe(c.expected.code);
        }
      });
    }
  });
}

const error = (code: string) => ({ upstream: "error" as const, code });
const invalid = (code: string) => ({ upstream: "invalid" as const, code });

check("cassava-leaf-disease-classification", "image_id,label\na.jpg,0\nb.jpg,1\nc.jpg,2\nd.jpg,3\ne.jpg,4\n", [
  { name: "one text cell makes the column text: every row wrong", submission: "image_id,label\na.jpg,0\nb.jpg,1\nc.jpg,two\nd.jpg,3\ne.jpg,4\n", expected: 0 },
  { name: "integral floats match integers", submission: "image_id,label\na.jpg,0.0\nb.jpg,1.0\nc.jpg,2.0\nd.jpg,3.0\ne.jpg,0\n", expected: 0.8 },
  { name: "a decimal label crashes", submission: "image_id,label\na.jpg,0.5\nb.jpg,1\nc.jpg,2\nd.jpg,3\ne.jpg,4\n", expected: error("NON_INTEGER") },
  { name: "an empty cell crashes", submission: "image_id,label\na.jpg,\nb.jpg,1\nc.jpg,2\nd.jpg,3\ne.jpg,4\n", expected: error("MISSING_VALUE") },
  { name: "a duplicated id is rejected", submission: "image_id,label\na.jpg,0\na.jpg,1\nc.jpg,2\nd.jpg,3\ne.jpg,4\n", expected: invalid("DUPLICATE_IDS") },
  { name: "quoted numbers, extra column, shuffled rows", submission: 'extra,image_id,label\n1,e.jpg,"4"\n1,d.jpg,"3"\n1,c.jpg,"1"\n1,b.jpg,"1"\n1,a.jpg,"0"\n', expected: 0.8 },
]);

check("iwildcam-2020-fgvc7", "Id,Category\nu1,0\nu2,13\nu3,0\n", [
  { name: "the description's Predicted header is rejected", submission: "Id,Predicted\nu1,0\nu2,13\nu3,1\n", expected: invalid("MISSING_COLUMN") },
  { name: "the description's Predicted header is accepted", submission: "Id,Predicted\nu1,0\nu2,13\nu3,1\n", mode: "kaggle", expected: 2 / 3 },
]);

check("tensorflow-speech-recognition-challenge", "fname,label\na.wav,yes\nb.wav,bed\nc.wav,_background_noise_\nd.wav,no\n", [
  { name: "Kaggle's 12 classes against raw folder names", submission: "fname,label\na.wav,yes\nb.wav,unknown\nc.wav,silence\nd.wav,no\n", expected: 0.5 },
  { name: "raw folder names", submission: "fname,label\na.wav,yes\nb.wav,bed\nc.wav,_background_noise_\nd.wav,up\n", expected: 0.75 },
  { name: "Kaggle's 12 classes", submission: "fname,label\na.wav,yes\nb.wav,unknown\nc.wav,silence\nd.wav,no\n", mode: "kaggle", expected: 1 },
  { name: "raw folder names against the 12 classes", submission: "fname,label\na.wav,yes\nb.wav,bed\nc.wav,_background_noise_\nd.wav,up\n", mode: "kaggle", expected: 0.25 },
]);

check("text-normalization-challenge-english-language", "id,after\n0_0,school\n0_1,\n0_2,None\n1_0,ё\n1_1,é\n", [
  { name: "missing spellings all read 'nan'; е ≠ ё and NFD ≠ NFC", submission: "id,after\n0_0,school\n0_1,NA\n0_2,\n1_0,е\n1_1,e\u0301\n", expected: 0.6 },
  { name: "case counts; 'nan' and 'null' match empty answers", submission: "id,after\n0_0,School\n0_1,nan\n0_2,null\n1_0,ё\n1_1,é\n", expected: 0.8 },
]);

check("paddy-disease-classification", "image_id,label,variety,age\n1.jpg,blast,A,5\n2.jpg,normal,A,6\n3.jpg,hispa,B,7\n", [
  { name: "numbers with an empty cell become text and score 0", submission: "image_id,label\n1.jpg,1.5\n2.jpg,\n3.jpg,2\n", expected: 0 },
  { name: "an empty label counts as wrong; labels are case-sensitive", submission: "image_id,label\n1.jpg,blast\n2.jpg,\n3.jpg,Hispa\n", expected: 1 / 3 },
]);

check("herbarium-2020-fgvc7", "Id,Predicted\n0,10\n1,20\n2,30\n3,10\n", [
  { name: "int() reads blanks, Unicode digits and underscores", submission: 'Id,Predicted\n0," 10 "\n1,٢٠\n2,3_0\n3,10\n', expected: 1 },
  { name: "decimals are truncated", submission: "Id,Predicted\n0,10.9\n1,20.2\n2,29.99\n3,10.0\n", expected: 0.5 },
  { name: "text that is not an integer crashes", submission: "Id,Predicted\n0,10\n1,20\n2,30\n3,a\n", expected: error("NON_INTEGER") },
  { name: "a label only predicted counts 0 in the mean", submission: "Id,Predicted\n0,10\n1,20\n2,99\n3,10\n", expected: 0.5 },
  { name: "infinity crashes", submission: "Id,Predicted\n0,10\n1,20\n2,inf\n3,10\n", expected: error("NON_FINITE") },
]);

check("iwildcam-2019-fgvc6", "Id,Category\nu1,0\nu2,13\nu3,0\nu4,1\n", [
  { name: "Category header", submission: "Id,Category\nu1,0\nu2,13\nu3,0\nu4,0\n", expected: 0.6 },
  { name: "the description's Predicted header is rejected", submission: "Id,Predicted\nu1,0\nu2,13\nu3,0\nu4,0\n", expected: invalid("MISSING_COLUMN") },
  { name: "the description's Predicted header is accepted", submission: "Id,Predicted\nu1,0\nu2,13\nu3,0\nu4,0\n", mode: "kaggle", expected: 0.6 },
]);

check("inaturalist-2019-fgvc6", "id,predicted\n5,438\n3,171\n9,12\n", [
  { name: "only the first of five ids counts", submission: "id,predicted\n5,438 1 2 3 4\n3,1 171 2 3 4\n9,12 5\n", expected: 1 - 2 / 3 },
  { name: "a column of single ids is read as integers", submission: "id,predicted\n5,438\n3,171\n9,13\n", expected: 1 - 2 / 3 },
  { name: "a decimal makes a float column, which cannot be split", submission: "id,predicted\n5,438.0\n3,171\n9,12\n", expected: error("NON_INTEGER") },
  { name: "a blank cell has no first token", submission: 'id,predicted\n5,438 1\n3," "\n9,12\n', expected: error("NON_INTEGER") },
  { name: "a first token that is not an integer crashes", submission: "id,predicted\n5,438 1\n3,x 171\n9,12\n", expected: error("NON_INTEGER") },
]);

check("inaturalist-2019-fgvc6", "id,predicted\n5,1\n3,0\n9,1\n", [
  { name: "booleans are integers", submission: "id,predicted\n5,True\n3,False\n9,False\n", expected: 1 - 2 / 3 },
]);

check("aptos2019-blindness-detection", "id_code,diagnosis\nx1,0\nx2,1\nx3,2\nx4,4\nx5,4\n", [
  { name: "a duplicated id passes the set check, then crashes", submission: "id_code,diagnosis\nx1,0\nx2,1\nx3,2\nx4,4\nx5,4\nx5,4\n", expected: error("DUPLICATE_IDS") },
  { name: "a header-only file is rejected", submission: "id_code,diagnosis\n", expected: invalid("NO_ROWS") },
  { name: "weights follow positions among the grades present", submission: "id_code,diagnosis\nx1,0\nx2,2\nx3,2\nx4,4\nx5,3\n", expected: 0.9074074074074074 },
  { name: "text grades crash", submission: "id_code,diagnosis\nx1,0\nx2,1\nx3,two\nx4,4\nx5,4\n", expected: error("LABEL_TYPE_MISMATCH") },
  { name: "the target column is checked first", submission: "a,b\n1,2\n", expected: invalid("MISSING_COLUMN") },
]);

check("learning-agency-lab-automated-essay-scoring-2", "essay_id,full_text,score\ne1,t,1\ne2,t,2\ne3,t,3\ne4,t,6\n", [
  { name: "a short submission crashes on the id comparison", submission: "essay_id,score\ne1,1\ne2,2\ne3,3\n", expected: error("MISSING_IDS") },
  { name: "a one-row submission broadcasts and is rejected", submission: "essay_id,score\ne1,1\n", expected: invalid("MISSING_IDS") },
  { name: "shuffled rows", submission: "essay_id,score\ne4,5\ne2,2\ne3,3\ne1,1\n", expected: 0.9285714285714286 },
]);

check("nfl-player-contact-detection", "contact_id,contact\nc1,0\nc2,1\nc3,1\nc4,0\nc5,0\n", [
  { name: "booleans equal 0/1", submission: "contact_id,contact\nc1,False\nc2,True\nc3,False\nc4,False\nc5,True\n", expected: 0.16666666666666666 },
  { name: "text labels crash", submission: "contact_id,contact\nc1,no\nc2,yes\nc3,yes\nc4,no\nc5,no\n", expected: error("LABEL_TYPE_MISMATCH") },
  { name: "a duplicated id in place of another is rejected", submission: "contact_id,contact\nc1,0\nc2,1\nc3,1\nc4,0\nc4,0\n", expected: invalid("MISSING_IDS") },
  { name: "an extra duplicated row is rejected by the length check", submission: "contact_id,contact\nc1,0\nc2,1\nc3,1\nc4,0\nc5,0\nc5,0\n", expected: invalid("ROW_COUNT_MISMATCH") },
]);
