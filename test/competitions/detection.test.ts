/**
 * The four object-detection graders on small hand-made files, for the semantics the conformance
 * cases do not exercise: several rows per image, row order and the id-0 quirk, class truncation,
 * token-level errors told apart as MLE-bench tells them apart (invalid vs crash), blank and
 * missing cells, boxes that are never checked, and kaggle mode. Expected scores are worked out by
 * hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { grade } from "../../src/index.js";
import type { GradeReport } from "../../src/grader/grade.js";
import type { GradingMode } from "../../src/medals.js";
import { isClose } from "../helpers/close.js";

function run(competition: string, answers: string, submission: string, mode: GradingMode = "mlebench"): GradeReport {
  return grade({ competition, answers, submission, mode });
}

function expectScore(report: GradeReport, expected: number, rtol = 1e-14): void {
  expect(report.error, report.error?.message).toBeNull();
  expect(isClose(report.raw_score!, expected, { rtol }), `expected ${expected}, got ${report.raw_score}`).toBe(true);
}

function expectFailure(report: GradeReport, code: string, upstream: "invalid" | "error"): void {
  expect(report.outcome).toBe("invalid");
  expect(report.error?.code, report.error?.message).toBe(code);
  expect(report.error?.upstream).toBe(upstream);
}

describe("vinbigdata-chest-xray-abnormalities-detection", () => {
  const ID = "vinbigdata-chest-xray-abnormalities-detection";
  const answers = "image_id,class_id,x_min,y_min,x_max,y_max\nA,0,0,0,10,10\nB,0,20,20,30,30\n";

  it("never matches the first answers row, and scores depend on submission row order (pycocotools id 0)", () => {
    // A's box is annotation 0: its detection is a false positive. B's box is found (recall 1/2).
    // A first: A (1.0) FP, B (0.9) TP, B again (0.8) FP → precision 1/2 up to recall 1/2: 51·0.5/101.
    const aFirst = run(ID, answers, "image_id,PredictionString\nA,0 1.0 0 0 10 10\nB,0 0.9 20 20 30 30 0 0.8 20 20 30 30\n");
    expectScore(aFirst, (51 * 0.5) / 101, 1e-15);
    // B first: B's first detection is detection 0, which pycocotools does not record as the box's
    // match, so the second one matches B again: FP, TP, TP → precision 2/3 at every recall point.
    const bFirst = run(ID, answers, "image_id,PredictionString\nB,0 0.9 20 20 30 30 0 0.8 20 20 30 30\nA,0 1.0 0 0 10 10\n");
    expectScore(bFirst, 2 / 3, 1e-15);
  });

  it("adds every row's boxes to its image (split rows equal one row) and ignores extra columns", () => {
    const one = run(ID, answers, "image_id,PredictionString\nA,0 1.0 0 0 10 10\nB,0 0.9 20 20 30 30 0 0.8 20 20 30 30\n");
    const split = run(ID, answers, "image_id,PredictionString,note\nA,0 1.0 0 0 10 10,x\nB,0 0.9 20 20 30 30,y\nB,0 0.8 20 20 30 30,z\n");
    expect(split.raw_score).toBe(one.raw_score);
  });

  it("truncates class ids like int() and ignores classes absent from the answers", () => {
    const base = run(ID, answers, "image_id,PredictionString\nA,0 1.0 0 0 10 10\nB,0 0.9 20 20 30 30\n");
    const variant = run(ID, answers, "image_id,PredictionString\nA,0.7 1.0 0 0 10 10 5 0.99 0 0 10 10\nB,-0.5 0.9 20 20 30 30\n");
    expect(variant.raw_score).toBe(base.raw_score);
  });

  it("reads [x_min, y_min, x_max, y_max] as [x, y, width, height] for both sides", () => {
    // Answers box [10, 10, 20, 20] becomes [10, 30] × [10, 30]; a prediction of [10, 10, 30, 30]
    // covers it after the same reading ([10, 40]²: IoU 400/900 ≈ 0.444 ≥ 0.4), but [10, 10, 20, 20]
    // read correctly as a 10×10 box would not. Image B's box (id 1) is missed: recall 1/2.
    const shifted = "image_id,class_id,x_min,y_min,x_max,y_max\nB,1,50,50,60,60\nA,1,10,10,20,20\n";
    const report = run(ID, shifted, "image_id,PredictionString\nA,1 0.9 10 10 30 30\nB,2 0.5 0 0 1 1\n");
    expectScore(report, 51 / 101, 1e-15);
  });

  it("scores a perfect copy 1 in kaggle mode (real widths, ids from 1)", () => {
    const submission = "image_id,PredictionString\nA,0 1.0 0 0 10 10\nB,0 0.9 20 20 30 30\n";
    expectScore(run(ID, answers, submission, "kaggle"), 1, 1e-15);
    expectScore(run(ID, answers, submission), (51 * 0.5) / 101, 1e-15);
  });

  it("crashes on an empty cell, a bad token, a partial box or a NaN class; rejects a different image set", () => {
    expectFailure(run(ID, answers, "image_id,PredictionString\nA,\nB,0 0.9 20 20 30 30\n"), "MISSING_VALUE", "error");
    expectFailure(run(ID, answers, "image_id,PredictionString\nA,0 high 0 0 10 10\nB,0 0.9 20 20 30 30\n"), "NON_NUMERIC", "error");
    expectFailure(run(ID, answers, "image_id,PredictionString\nA,0 1 0 0 10\nB,0 0.9 20 20 30 30\n"), "MALFORMED_PREDICTION", "error");
    expectFailure(run(ID, answers, "image_id,PredictionString\nA,nan 1 0 0 10 10\nB,0 0.9 20 20 30 30\n"), "NON_FINITE", "error");
    expectFailure(run(ID, answers, "image_id,PredictionString\nA,0 1 0 0 10 10\n"), "MISSING_IDS", "invalid");
    expectFailure(run(ID, answers, "image_id,PredictionString\nA,0 1 0 0 10 10\nB,0 1 0 0 1 1\nC,0 1 0 0 1 1\n"), "UNEXPECTED_IDS", "invalid");
    expectFailure(run(ID, answers, "image_id,Prediction\nA,0 1 0 0 10 10\nB,0 1 0 0 1 1\n"), "MISSING_COLUMN", "invalid");
  });
});

describe("siim-covid19-detection", () => {
  const ID = "siim-covid19-detection";
  const answers = "id,PredictionString\nx_image,opacity 1 0 0 10 10\ny_image,none 1 0 0 1 1\nz_study,typical 1 0 0 1 1\n";

  it("pairs rows by sorted id, whatever the file order", () => {
    // opacity: (1, .9), plus (0, 0) for y and z → AP 1. none: (0, 0), (1, 0) missed, (0, 0) → AP 1/3.
    // typical: (0, 0), (0, 0), (1, .6) → AP 1. Mean (1 + 1/3 + 1) / 3.
    const submission = "id,PredictionString\nz_study,typical 0.6 0 0 1 1\nx_image,opacity 0.9 0 0 10 10\ny_image,  \n";
    expectScore(run(ID, answers, submission), (1 + 1 / 3 + 1) / 3);
  });

  it("tells a missing last token (crash) from shifted tokens (invalid)", () => {
    expectFailure(run(ID, answers, "id,PredictionString\nx_image,opacity 0.9 0 0 10\ny_image,none 1 0 0 1 1\nz_study,typical 1 0 0 1 1\n"), "MALFORMED_PREDICTION", "error");
    expectFailure(
      run(ID, answers, "id,PredictionString\nx_image,opacity 0.9 0 0 10 opacity 0.5 0 0 10 10\ny_image,none 1 0 0 1 1\nz_study,typical 1 0 0 1 1\n"),
      "NON_NUMERIC",
      "invalid",
    );
  });

  it("crashes on an empty cell and on a class whose pairs are all positive", () => {
    expectFailure(run(ID, answers, "id,PredictionString\nx_image,\ny_image,none 1 0 0 1 1\nz_study,typical 1 0 0 1 1\n"), "MISSING_VALUE", "error");
    const oneImage = "id,PredictionString\nx_image,opacity 1 0 0 10 10\n";
    expectFailure(run(ID, oneImage, "id,PredictionString\nx_image,opacity 0.9 0 0 10 10\n"), "UNDEFINED_METRIC", "error");
  });

  it("rejects 'Id', duplicate ids and a different row count", () => {
    expectFailure(run(ID, answers, "Id,PredictionString\nx_image,a 1 0 0 1 1\ny_image,a 1 0 0 1 1\nz_study,a 1 0 0 1 1\n"), "MISSING_COLUMN", "invalid");
    expectFailure(run(ID, answers, "id,PredictionString\nx_image,a 1 0 0 1 1\nx_image,a 1 0 0 1 1\nz_study,a 1 0 0 1 1\n"), "DUPLICATE_IDS", "invalid");
    expectFailure(run(ID, answers, "id,PredictionString\nx_image,a 1 0 0 1 1\n"), "ROW_COUNT_MISMATCH", "invalid");
  });
});

describe("3d-object-detection-for-autonomous-vehicles", () => {
  const ID = "3d-object-detection-for-autonomous-vehicles";
  const answers = "Id,PredictionString\ns1,1.0 0 0 0 2 4 2 0 car\ns2,1.0 10 0 0 2 4 2 0 car 1.0 20 0 0 2 4 2 0 bus\n";

  it("treats a missing or blank cell as no predictions", () => {
    // s1: car found at every threshold → 1; s2: car found, bus has no prediction → 1/2. Mean 3/4.
    const withGap = "Id,PredictionString\ns2,1.0 10 0 0 2 4 2 0 car\ns1,0.5 0 0 0 2 4 2 0 car\n";
    expectScore(run(ID, answers, withGap), 0.75);
    expectScore(run(ID, answers, "Id,PredictionString\ns1,0.5 0 0 0 2 4 2 0 car\ns2,\n"), 0.5);
    expectScore(run(ID, answers, "Id,PredictionString\ns1,0.5 0 0 0 2 4 2 0 car\ns2,   \n"), 0.5);
  });

  it("never checks boxes of classes absent from the sample's ground truth", () => {
    const submission = "Id,PredictionString\ns1,0.5 0 0 0 2 4 2 0 car 0.9 0 0 0 0 4 2 0 truck\ns2,\n";
    expectScore(run(ID, answers, submission), 0.5);
    expectFailure(run(ID, answers, "Id,PredictionString\ns1,0.5 0 0 0 0 4 2 0 car\ns2,\n"), "OUT_OF_RANGE", "error");
  });

  it("splits on single spaces: leading or doubled spaces are invalid or crash; 8 tokens are invalid", () => {
    expectFailure(run(ID, answers, "Id,PredictionString\ns1, 0.5 0 0 0 2 4 2 0 car\ns2,\n"), "MALFORMED_PREDICTION", "invalid");
    expectFailure(run(ID, answers, "Id,PredictionString\ns1,0.5 0 0 0 2 4 2 0 car  0.5 0 0 2 4 2 0 car\ns2,\n"), "NON_NUMERIC", "error");
    expectFailure(run(ID, answers, "Id,PredictionString\ns1,0 0 0 2 4 2 0 car\ns2,\n"), "MALFORMED_PREDICTION", "invalid");
  });

  it("crashes on a numeric cell and rejects unknown ids", () => {
    expectFailure(run(ID, answers, "Id,PredictionString\ns1,1\ns2,2\n"), "MALFORMED_PREDICTION", "error");
    expectFailure(run(ID, answers, "Id,PredictionString\ns1,\ns3,\n"), "MISSING_IDS", "invalid");
  });

  it("reports NaN when a sample's answers have no box", () => {
    const blankAnswers = "Id,PredictionString\ns1,1.0 0 0 0 2 4 2 0 car\ns2, \n";
    const report = run(ID, blankAnswers, "Id,PredictionString\ns1,0.5 0 0 0 2 4 2 0 car\ns2,\n");
    expect(report.outcome).toBe("score");
    expect(report.raw_score).toBeNaN();
  });
});

describe("kuzushiji-recognition", () => {
  const ID = "kuzushiji-recognition";
  const answers = "image_id,labels\np1,U+3042 0 0 10 10 U+3044 20 0 10 10\np2,U+3046 0 0 5 5\np3,\n";

  it("pools counts over pages, with missing cells on either side", () => {
    // p1: both found; p2: prediction missing → FN 1; p3: no answers → both points FP.
    // TP 2, FP 2, FN 1: P = 1/2, R = 2/3 → F1 = 4/7.
    const submission = "image_id,labels\np3,U+3042 1 1 U+3042 2 2\np1,U+3042 5 5 U+3044 25 5\np2,\n";
    expectScore(run(ID, answers, submission), 4 / 7);
  });

  it("rounds like Python's round (the grader returns a Python float)", () => {
    const report = run(ID, answers, "image_id,labels\np1,U+3042 5 5 U+3044 25 5\np2,\np3,\n");
    // TP 2, FP 0, FN 1: F1 = 0.8.
    expect(report.score).toBe(0.8);
  });

  it("rejects broken triples, crashes on a non-numeric coordinate or a numeric column", () => {
    expectFailure(run(ID, answers, "image_id,labels\np1,U+3042 5 5  U+3044 25 5\np2,\np3,\n"), "MALFORMED_PREDICTION", "invalid");
    expectFailure(run(ID, answers, "image_id,labels\np1,U+3042 x 5\np2,\np3,\n"), "NON_NUMERIC", "error");
    expectFailure(run(ID, answers, "image_id,labels\np1,1\np2,2\np3,3\n"), "MALFORMED_PREDICTION", "error");
    expectScore(run(ID, answers, "image_id,labels\np1,\np2,\np3,\n"), 0);
  });
});
