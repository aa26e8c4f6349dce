/**
 * The probability graders on small synthetic cases (built in probability-scenarios.ts) that the
 * shared conformance cases do not cover. Each expectation is what MLE-bench's own grade.py returned
 * on the same two CSV files, run with Debian's numpy 1.24 / pandas 1.5.3 and scikit-learn's
 * `log_loss` replaced by the 1.5.1 algorithm (fixtures/reference/cases/log_loss.py). Two cases
 * are resolved toward pandas 2.2 (see PANDAS_2): a text cell in a probability row sum raises
 * TypeError there, while pandas 1.5.3 silently drops the column.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { grade } from "../../src/index.js";
import { SHARED, hasShared } from "../helpers/shared.js";
import { scenarios } from "./probability-scenarios.js";

type Expected = { outcome: "score"; score: number } | { outcome: "invalid" | "error" };

/** Cases where pandas 1.5.3 said "invalid" and pandas 2.2 (pinned) raises TypeError. */
const PANDAS_2 = new Set(["dog-breed text cell", "spooky id not first"]);

const EXPECTED: Record<string, Expected> = {
  "dog-breed good": { outcome: "score", score: 0.5108256237659907 },
  "dog-breed reversed columns with an extra column": { outcome: "score", score: 0.5108256237659907 },
  "dog-breed NaN cell in a row that still sums to 1": { outcome: "invalid" },
  "dog-breed text cell": { outcome: "error" },
  "dog-breed rows summing to 0.5": { outcome: "invalid" },
  "dog-breed unknown id": { outcome: "error" },
  "dog-breed exact one-hot with one confident miss": { outcome: "score", score: 12.014551129705717 },
  "leaf good": { outcome: "score", score: 0.10536051565782628 },
  "leaf reversed columns": { outcome: "score", score: 0.10536051565782628 },
  "leaf missing column": { outcome: "invalid" },
  "leaf unnamed index column": { outcome: "invalid" },
  "spooky good": { outcome: "score", score: 0.4243218919376292 },
  "spooky authors permuted": { outcome: "score", score: 0.4243218919376292 },
  "spooky id not first": { outcome: "error" },
  "spooky misnamed column": { outcome: "invalid" },
  "spooky five columns": { outcome: "invalid" },
  "lmsys row sum 0.9999996 rounds to 1": { outcome: "score", score: 0.7067547342889933 },
  "lmsys row sum 0.9999994 does not": { outcome: "invalid" },
  "lmsys duplicate id": { outcome: "invalid" },
  "lmsys extra columns": { outcome: "score", score: 0.706754512066697 },
  "dogs-vs-cats good, shuffled": { outcome: "score", score: 0.22708064055624455 },
  "dogs-vs-cats text label": { outcome: "error" },
  "dogs-vs-cats NaN label": { outcome: "invalid" },
  "dogs-vs-cats duplicate id": { outcome: "invalid" },
  "dogs-vs-cats exact 0 and 1": { outcome: "score", score: 18.021826694558577 },
  "dogs-vs-cats single-class answers": { outcome: "error" },
  "statoil duplicate id": { outcome: "error" },
  "statoil good": { outcome: "score", score: 0.3062646206974246 },
  "rsna-2022 good, reversed": { outcome: "score", score: 1.476475824453786 },
  "rsna-2022 underscore inside a study id": { outcome: "score", score: NaN },
  "rsna-2022 extra row": { outcome: "error" },
  "rsna-2022 one id replaced by a duplicate": { outcome: "invalid" },
  "rsna-2022 text value": { outcome: "error" },
  "hms good": { outcome: "score", score: 0.2907210693322371 },
  "hms extra column of zeros": { outcome: "score", score: 0.2907210693322371 },
  "hms extra column of halves": { outcome: "error" },
  "hms extra boolean column": { outcome: "error" },
  "hms NaN cell": { outcome: "score", score: 0.2721257733893863 },
  "hms row sum 1.000004": { outcome: "score", score: 0.2907194026739037 },
  "hms row sum 1.00002": { outcome: "invalid" },
  "hms zero prediction where votes are positive": { outcome: "score", score: 5.7789441497450005 },
  "rsna-breast good, shuffled": { outcome: "score", score: 0.7368421052631577 },
  "rsna-breast NaN": { outcome: "score", score: 0.0 },
  "rsna-breast outside [0, 1]": { outcome: "score", score: 0.588235294117647 },
  "rsna-breast integer predictions": { outcome: "score", score: 1.0 },
  "rsna-breast all negative": { outcome: "error" },
  "rsna-breast all zero": { outcome: "score", score: 0.0 },
  "rsna-breast text": { outcome: "error" },
  "rsna-breast no positive answers": { outcome: "error" },
};

describe.skipIf(!hasShared)("probability graders on synthetic cases", () => {
  const breeds = readFileSync(join(SHARED, "spec", "dog_breeds.txt"), "utf8").split(/\s+/).filter(Boolean);
  const species = readFileSync(join(SHARED, "conformance", "leaf-classification", "answers.csv"), "utf8").split("\n")[0]!.split(",").slice(1);
  const all = scenarios(breeds, species);

  it("has an expectation for every scenario", () => {
    expect(all.map((s) => s.name).filter((name) => !(name in EXPECTED))).toEqual([]);
    expect([...PANDAS_2].every((name) => name in EXPECTED)).toBe(true);
  });

  for (const scenario of all) {
    const expected = EXPECTED[scenario.name];
    it(`${scenario.name} (${expected?.outcome})`, () => {
      const report = grade({ competition: scenario.competition, submission: scenario.submission, answers: scenario.answers });
      if (expected!.outcome === "score") {
        expect(report.outcome, `${report.error?.code} ${report.error?.message}`).toBe("score");
        const want = expected!.score;
        if (Number.isNaN(want)) expect(report.raw_score).toBeNaN();
        else expect(Math.abs(report.raw_score! - want), `got ${report.raw_score}, want ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      } else {
        expect(report.outcome, `score ${report.raw_score}`).toBe("invalid");
        expect(report.error?.upstream, `${report.error?.code} ${report.error?.message}`).toBe(expected!.outcome);
      }
    });
  }

  it("kaggle mode rescales rows and clips at 1e-15 where Kaggle's evaluation says so", () => {
    const byName = new Map(all.map((s) => [s.name, s]));
    const halved = byName.get("dog-breed rows summing to 0.5")!;
    const rescaled = grade({ competition: halved.competition, submission: halved.submission, answers: halved.answers, mode: "kaggle" });
    // Rows rescaled to the "good" rows: −ln 0.6 per image.
    expect(rescaled.outcome).toBe("score");
    expect(Math.abs(rescaled.raw_score! + Math.log(0.6))).toBeLessThan(1e-12);
    const extremes = byName.get("dogs-vs-cats exact 0 and 1")!;
    const clipped = grade({ competition: extremes.competition, submission: extremes.submission, answers: extremes.answers, mode: "kaggle" });
    // Two rows at −ln(1e-15), two at −ln(1 − 1e-15).
    expect(Math.abs(clipped.raw_score! - (-2 * Math.log(1e-15) - 2 * Math.log1p(-1e-15)) / 4)).toBeLessThan(1e-12);
  });
});
