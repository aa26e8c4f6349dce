/**
 * The five segmentation graders on submissions the shared conformance cases do not cover. Every
 * `mlebench` expectation (score, or whether MLE-bench rejects or crashes) was produced by running
 * MLE-bench's own `grade.py` (upstream 783b15a) on the same CSV text with Debian's Python 3.11,
 * numpy 1.24, pandas 1.5.3 and scikit-learn 1.2.1. The `kaggle` expectations are worked out by hand
 * in the comments.
 */
import { describe, expect, it } from "vitest";
import { grade, type GradeReport } from "../../src/index.js";

type Expected = number | "invalid" | "error";

function check(report: GradeReport, expected: Expected, code?: string): void {
  if (typeof expected === "number") {
    expect(report.outcome, `${report.error?.code} ${report.error?.message}`).toBe("score");
    if (Number.isNaN(expected)) expect(report.raw_score).toBeNaN();
    else expect(Math.abs(report.raw_score! - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    return;
  }
  expect(report.outcome).toBe("invalid");
  expect(report.error?.upstream, report.error?.message).toBe(expected);
  if (code) expect(report.error?.code).toBe(code);
}

function suite(competition: string, answers: string, cases: Array<[string, string, Expected, string?]>): void {
  describe(competition, () => {
    for (const [name, submission, expected, code] of cases) {
      it(`${name} → ${typeof expected === "number" ? expected : `${expected}${code ? ` (${code})` : ""}`}`, () => {
        check(grade({ competition, submission, answers }), expected, code);
      });
    }
  });
}

const HUBMAP = "id,encoding,width_pixels,height_pixels\nb,2 3 9 4,5,3\na,1 2,2,2\nc,4 6,4,4\n";
suite("hubmap-kidney-segmentation", HUBMAP, [
  ["numbers in the predicted column", "id,predicted\na,1\nb,2\nc,3\n", "error", "MALFORMED_RLE"],
  ["an empty cell is an empty mask", "id,predicted\na,1 2\nb,\nc,4 6\n", 0.6666666666666666],
  ["columns in another order, an extra column", "predicted,x,id\n1 2,0,a\n2 3 9 4,0,b\n4 5,0,c\n", 0.9696969696969697],
  ["a token that is not an integer", "id,predicted\na,1 2\nb,2 3.0\nc,4 6\n", "error", "MALFORMED_RLE"],
  ["overlapping runs", "id,predicted\na,1 2\nb,2 3 4 1\nc,4 6\n", "error", "MALFORMED_RLE"],
  ["runs past the last pixel are cut", "id,predicted\na,1 2\nb,2 3 9 100\nc,4 6 40 2\n", 0.9411764705882352],
  ["an unknown id", "id,predicted\na,1 2\nb,2 3\nd,4 6\n", "invalid", "MISSING_IDS"],
]);

const CONTRAILS = "record_id,encoded_pixels,height,width\n20,-,3,3\n10,1 3 7 2,3,3\n30,5 1,3,3\n";
suite("google-research-identify-contrails-reduce-global-warming", CONTRAILS, [
  ["a blank cell is an empty mask", "record_id,encoded_pixels\n10,1 3 7 2\n20, \n30,5 1\n", 1],
  ["'-' masks and a three-token encoding", "record_id,encoded_pixels\n30,-\n10,1 2 7\n20,-\n", 0.8],
  ["text record ids against numbers", "record_id,encoded_pixels\nr10,1 3 7 2\nr20,-\nr30,5 1\n", "invalid"],
  ["an odd number of tokens", "record_id,encoded_pixels\n10,1 3 7 2 9\n20,-\n30,5 1\n", "error", "MALFORMED_RLE"],
]);
suite("google-research-identify-contrails-reduce-global-warming", "record_id,encoded_pixels,height,width\n1,-,2,2\n2,-,2,2\n", [
  ["everything empty scores NaN", "record_id,encoded_pixels\n2,-\n1,-\n", NaN],
]);

const TGS = "id,rle_mask\nx1,1 5000\nx2,\nx3,100 50 300 20\nx4,1 10201\n";
suite("tgs-salt-identification-challenge", TGS, [
  ["ids pandas reads as numbers", "id,rle_mask\n1,1 5000\n2,\n3,100 50 300 20\n4,1 10201\n", "invalid", "LABEL_TYPE_MISMATCH"],
  ["masks pandas reads as numbers", "id,rle_mask\nx1,5\nx2,7\nx3,9\nx4,11\n", "invalid", "MALFORMED_RLE"],
  ["empty predictions earn |T|/N credit", "id,rle_mask\nx1,\nx2,\nx3,\nx4,\n", 0.5],
  ["overlapping runs", "id,rle_mask\nx1,1 5000\nx2,\nx3,100 50 120 20\nx4,1 10201\n", "invalid", "MALFORMED_RLE"],
  ["a token that is not an integer", "id,rle_mask\nx1,1 5000\nx2,\nx3,100 50 three 20\nx4,1 10201\n", "error", "MALFORMED_RLE"],
  ["three tokens share one length", "id,rle_mask\nx4,1 10201\nx3,100 50 300\nx2,\nx1,1 4000\n", 0.75],
  ["five tokens do not broadcast", "id,rle_mask\nx1,1 5000\nx2,\nx3,100 50 300 20 400\nx4,1 10201\n", "error", "MALFORMED_RLE"],
  ["columns in another order", "rle_mask,id\n1 5000,x1\n,x2\n100 50 300 20,x3\n1 10201,x4\n", 1],
]);

const UW =
  "id,class,predicted,image_width,image_height\n" +
  "case1_day1_slice_0001,stomach,1 3,3.0,2.0\n" +
  "case1_day1_slice_0001,small_bowel,,3.0,2.0\n" +
  "case1_day1_slice_0002,stomach,2 2,3.0,2.0\n" +
  "case1_day1_slice_0002,small_bowel,5 1,3.0,2.0\n" +
  "case2_day3_slice_0001,stomach,1 1,2.0,2.0\n" +
  "case2_day3_slice_0001,small_bowel,4 1,2.0,2.0\n";
const UW_IN_ORDER =
  "id,class,predicted\ncase1_day1_slice_0001,stomach,1 2\ncase1_day1_slice_0001,small_bowel,\ncase1_day1_slice_0002,stomach,2 2\ncase1_day1_slice_0002,small_bowel,6 1\ncase2_day3_slice_0001,stomach,1 1\ncase2_day3_slice_0001,small_bowel,2 1\n";
const UW_SHUFFLED_SAME_SIZE =
  "id,class,predicted\ncase1_day1_slice_0002,stomach,2 2\ncase1_day1_slice_0002,small_bowel,6 1\ncase1_day1_slice_0001,stomach,1 2\ncase1_day1_slice_0001,small_bowel,\ncase2_day3_slice_0001,stomach,1 1\ncase2_day3_slice_0001,small_bowel,2 1\n";
const UW_SHUFFLED_ACROSS_SIZES =
  "id,class,predicted\ncase2_day3_slice_0001,stomach,1 1\ncase1_day1_slice_0001,small_bowel,\ncase1_day1_slice_0002,stomach,2 2\ncase1_day1_slice_0002,small_bowel,6 1\ncase1_day1_slice_0001,stomach,1 2\ncase2_day3_slice_0001,small_bowel,2 1\n";
suite("uw-madison-gi-tract-image-segmentation", UW, [
  ["rows in the answers' order", UW_IN_ORDER, 0.6507949192431122],
  ["the same rows shuffled among images of one size", UW_SHUFFLED_SAME_SIZE, 0.5801282525764455],
  ["rows shuffled across image sizes", UW_SHUFFLED_ACROSS_SIZES, "error", "ID_MISMATCH"],
  ["extra rows, even malformed, are ignored", `${UW_IN_ORDER}extra,stomach,9 1 1 1\n`, 0.6507949192431122],
  ["missing rows are dropped from both parts", "id,class,predicted\ncase1_day1_slice_0001,stomach,1 2\ncase1_day1_slice_0001,small_bowel,\ncase1_day1_slice_0002,stomach,2 2\n", 0.8445299461620748],
  ["ids pandas reads as numbers", "id,class,predicted\n1,stomach,1 2\n2,small_bowel,\n3,stomach,2 2\n4,small_bowel,6 1\n5,stomach,1 1\n6,small_bowel,2 1\n", "error", "LABEL_TYPE_MISMATCH"],
  ["a header and no rows scores NaN", "id,class,predicted\n", NaN],
  ["overlapping runs", "id,class,predicted\ncase1_day1_slice_0001,stomach,1 2 2 1\n", "error", "MALFORMED_RLE"],
]);

const VESUVIUS = "Id,Predicted,width,height\na,2 2 6 1,3,3\nb,1 4,2,2\n";
suite("vesuvius-challenge-ink-detection", VESUVIUS, [
  ["fragments in order", "Id,Predicted\na,2 2 5 2\nb,1 3\n", 0.8634868421052632],
  ["fragments in another order", "Id,Predicted\nb,1 3\na,2 2 5 2\n", "error", "ID_MISMATCH"],
  ["an empty cell after a blank one", "Id,Predicted\na, \nb,\n", "invalid", "MISSING_VALUE"],
  ["overlapping runs", "Id,Predicted\na,2 2 3 2\nb,1 3\n", "invalid", "MALFORMED_RLE"],
  ["an odd number of tokens", "Id,Predicted\na,2 2 5 2 9\nb,1 3\n", "error", "MALFORMED_RLE"],
  ["three tokens share one length", "Id,Predicted\na,2 2 7\nb,1 3\n", 0.731907894736842],
  ["columns in another order", "Predicted,Id\n2 2 5 2,a\n1 3,b\n", 0.8634868421052632],
  ["rows are checked in order: a wrong Id before an empty cell crashes", "Id,Predicted\nz,1 1\nb,\n", "error", "ID_MISMATCH"],
]);
suite("vesuvius-challenge-ink-detection", "Id,Predicted,width,height\na, ,2,2\n", [["no ink and none predicted scores 0", "Id,Predicted\na, \n", 0]]);

describe("kaggle mode", () => {
  const kaggle = (competition: string, submission: string, answers: string) => grade({ competition, submission, answers, mode: "kaggle" });

  it("tgs: an empty prediction scores 0 against salt", () => {
    // x1 (salt, empty prediction) 0, x2 (both empty) 1, x3 0, x4 (all salt) 0.
    check(kaggle("tgs-salt-identification-challenge", "id,rle_mask\nx1,\nx2,\nx3,\nx4,\n", TGS), 0.25);
  });

  it("uw-madison: rows are paired by id and class, so order does not matter", () => {
    check(kaggle("uw-madison-gi-tract-image-segmentation", UW_SHUFFLED_SAME_SIZE, UW), 0.6507949192431122);
    check(kaggle("uw-madison-gi-tract-image-segmentation", UW_SHUFFLED_ACROSS_SIZES, UW), 0.6507949192431122);
  });

  it("uw-madison: missing and extra (id, class) rows are invalid", () => {
    const missing = kaggle("uw-madison-gi-tract-image-segmentation", "id,class,predicted\ncase1_day1_slice_0001,stomach,1 2\n", UW);
    check(missing, "invalid", "MISSING_IDS");
    check(kaggle("uw-madison-gi-tract-image-segmentation", `${UW_IN_ORDER}extra,stomach,1 1\n`, UW), "invalid", "UNEXPECTED_IDS");
    check(kaggle("uw-madison-gi-tract-image-segmentation", `${UW_IN_ORDER}case2_day3_slice_0001,stomach,1 1\n`, UW), "invalid", "DUPLICATE_IDS");
  });

  it("vesuvius: fragments are paired by Id", () => {
    check(kaggle("vesuvius-challenge-ink-detection", "Id,Predicted\nb,1 3\na,2 2 5 2\n", VESUVIUS), 0.8634868421052632);
    check(kaggle("vesuvius-challenge-ink-detection", "Id,Predicted\nb,1 3\nz,2 2 5 2\n", VESUVIUS), "invalid", "MISSING_IDS");
  });
});

describe("located errors", () => {
  it("report every malformed cell with its file row, and the first decides the upstream outcome", () => {
    const report = grade({ competition: "tgs-salt-identification-challenge", submission: "id,rle_mask\nx1,1 5000\nx2,5 1 1 1\nx3,100 50 300 20 400\nx4,1 10201\n", answers: TGS });
    // Sorted by id, x2's unsorted runs (AssertionError: invalid) come before x3's odd count (ValueError).
    expect(report.error?.upstream).toBe("invalid");
    expect(report.error?.issues.map((issue) => [issue.row, issue.column])).toEqual([
      [2, "rle_mask"],
      [3, "rle_mask"],
    ]);
    expect(report.error?.message).toMatch(/^submission.csv row 2, column "rle_mask": expected starts in ascending order, got start 1 after start 5 \(2 cells\)$/);
  });
});
