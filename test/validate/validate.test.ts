/**
 * validate(): every check, located issues, the three references, the grader's verdict, and the
 * participant-safe text. Expected verdicts are written from the column specs and from what pandas
 * does (see fixtures/pandas/read_csv.json for the reading rules).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SubmissionError } from "../../src/errors.js";
import { Frame } from "../../src/table/frame.js";
import { participantText } from "../../src/validate/participant.js";
import { MAX_TRACKED_IDS } from "../../src/validate/ids.js";
import { Validation, validate, type ValidationReport } from "../../src/validate/validate.js";
import { csvText } from "../helpers/csv-arbitraries.js";
import { probabilityCompetition, testCompetition } from "../helpers/competitions.js";

function codes(report: ValidationReport, severity: "error" | "warning" = "error"): string[] {
  return report.issues.filter((i) => i.severity === severity).map((i) => i.code);
}

function check(columns: Parameters<typeof testCompetition>[0], csv: string) {
  return validate({ competition: testCompetition(columns), submission: csv });
}

describe("cell checks from the column specs", () => {
  it("probabilities: number, finite, in [0, 1]; every bad cell located", () => {
    const report = validate({ competition: probabilityCompetition, submission: "id,p\na,0.5\nb,1.3\nc,abc\nd,\ne,inf\nf,NAN\ng, 0.25\nh,1_0\n" });
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => [i.code, i.row, i.line, i.column, i.received])).toEqual([
      ["OUT_OF_RANGE", 2, 3, "p", '"1.3"'],
      ["NON_NUMERIC", 3, 4, "p", '"abc"'],
      ["MISSING_VALUE", 4, 5, "p", '""'],
      ["NON_FINITE", 5, 6, "p", '"inf"'],
      ["MISSING_VALUE", 6, 7, "p", '"NAN"'],
      ["OUT_OF_RANGE", 8, 9, "p", '"1_0"'],
    ]);
    expect(report.issues[0]!.expected).toBe("a probability in [0, 1]");
    expect(report.issues[0]!.message).toBe('submission.csv row 2, column "p": expected a probability in [0, 1], got "1.3"');
    expect(report.rows).toBe(8);
  });

  it("integers, ranged numbers", () => {
    const integer = check([{ name: "id", kind: "id" }, { name: "k", kind: "integer", range: [0, 4] }], "id,k\na,2\nb,2.5\nc,3.0\nd,7\n");
    expect(integer.issues.map((i) => [i.code, i.row])).toEqual([["NON_INTEGER", 2], ["OUT_OF_RANGE", 4]]);
    const number = check([{ name: "id", kind: "id" }, { name: "x", kind: "number", range: [-1, 1] }], "id,x\na,-1\nb,1e5\nc,-inf\n");
    expect(number.issues.map((i) => [i.code, i.row])).toEqual([["OUT_OF_RANGE", 2], ["NON_FINITE", 3]]);
  });

  it("labels: text labels exactly, numeric labels by value, booleans as 1/0", () => {
    const text = check([{ name: "id", kind: "id" }, { name: "y", kind: "label", labels: ["cat", "dog"] }], "id,y\na,cat\nb,Cat\nc,dog \n");
    expect(text.issues.map((i) => [i.code, i.received])).toEqual([["UNKNOWN_LABEL", '"Cat"'], ["UNKNOWN_LABEL", '"dog "']]);
    expect(text.issues[0]!.expected).toBe('one of 2 labels ("cat", "dog")');
    const numeric = check([{ name: "id", kind: "id" }, { name: "y", kind: "label", labels: [0, 1, 2] }], "id,y\na,1.0\nb,3\nc,True\nd,02\n");
    expect(numeric.issues.map((i) => [i.code, i.row])).toEqual([["UNKNOWN_LABEL", 2]]);
    const free = check([{ name: "id", kind: "id" }, { name: "y", kind: "label" }], "id,y\na,anything\nb,\n");
    expect(free.issues.map((i) => [i.code, i.row])).toEqual([["MISSING_VALUE", 2]]);
  });

  it("booleans: True/False in any case and 0/1", () => {
    const report = check([{ name: "id", kind: "id" }, { name: "b", kind: "boolean" }], "id,b\na,True\nb,false\nc,1\nd,0\ne,yes\n");
    expect(report.issues.map((i) => [i.code, i.row, i.expected])).toEqual([["UNKNOWN_LABEL", 5, "True or False"]]);
  });

  it("run-length masks: pairs, ordered, inside the image; empty where allowed", () => {
    const spec = [{ name: "id", kind: "id" as const }, { name: "m", kind: "rle" as const, range: [1, 100] as [number, number], allowEmpty: true }];
    const report = check(spec, "id,m\na,1 3 10 5\nb,1 3 2 5\nc,1 3 10\nd,0 5\ne,98 5\nf,a b\ng,\nh,-\ni,5 0\n");
    expect(report.issues.map((i) => [i.code, i.row])).toEqual([
      ["MALFORMED_RLE", 2],
      ["MALFORMED_RLE", 3],
      ["MALFORMED_RLE", 4],
      ["MALFORMED_RLE", 5],
      ["MALFORMED_RLE", 6],
      ["MALFORMED_RLE", 9],
    ]);
    const strict = check([{ name: "id", kind: "id" }, { name: "m", kind: "rle" }], "id,m\na,\nb,-\nc,1 1\n");
    expect(strict.issues.map((i) => [i.code, i.row])).toEqual([["MISSING_VALUE", 1], ["MISSING_VALUE", 2]]);
  });

  it("prediction strings: groups of the format, numbers where numbers go, boxes with xmin < xmax", () => {
    const spec = [{ name: "id", kind: "id" as const }, { name: "s", kind: "prediction-string" as const, format: "label conf xmin ymin xmax ymax", labels: ["opacity", "none"], allowEmpty: true }];
    const report = check(spec, "id,s\na,opacity 0.9 1 2 3 4 none 1 0 0 1 1\nb,opacity 0.9 3 2 1 4\nc,opacity 0.9 1 2 3\nd,opacity high 1 2 3 4\ne,cat 0.9 1 2 3 4\nf,\n");
    expect(report.issues.map((i) => [i.code, i.row])).toEqual([
      ["MALFORMED_PREDICTION", 2],
      ["MALFORMED_PREDICTION", 3],
      ["MALFORMED_PREDICTION", 4],
      ["MALFORMED_PREDICTION", 5],
    ]);
    expect(report.issues[0]!.expected).toMatch(/xmin < xmax/);
  });
});

describe("header checks", () => {
  it("missing columns (with a hint for near names), duplicate names, unexpected ones where rejected", () => {
    const strict = testCompetition([{ name: "id", kind: "id" }, { name: "p", kind: "probability" }], { meta: { extraColumns: "rejected" } });
    const report = validate({ competition: strict, submission: " id,p,p,extra\na,0.5,0.5,1\n" });
    expect(report.issues.map((i) => [i.code, i.column])).toEqual([
      ["DUPLICATE_COLUMN", "p"],
      ["MISSING_COLUMN", "id"],
      ["UNEXPECTED_COLUMN", " id"],
      ["UNEXPECTED_COLUMN", "p.1"],
      ["UNEXPECTED_COLUMN", "extra"],
    ]);
    expect(report.issues[1]!.message).toBe('submission.csv: expected a column "id", got " id" (names must match exactly)');
  });

  it("__proto__ and constructor as column names are ordinary names", () => {
    const report = validate({ competition: probabilityCompetition, submission: "__proto__,constructor,id,p\n1,2,a,0.5\n" });
    expect(report.valid).toBe(true);
    expect(report.columns).toBe(4);
    const missing = validate({ competition: probabilityCompetition, submission: "__proto__,constructor\n1,2\n" });
    expect(codes(missing)).toEqual(["MISSING_COLUMN", "MISSING_COLUMN"]);
    expect(Object.getPrototypeOf(missing.counts)).toBe(Object.prototype);
  });

  it("empty file, header only, unreadable CSV, ragged rows, an implicit index", () => {
    expect(codes(validate({ competition: probabilityCompetition, submission: "" }))).toEqual(["EMPTY_FILE"]);
    expect(codes(validate({ competition: probabilityCompetition, submission: "\n \n" }))).toEqual(["EMPTY_FILE"]);
    expect(codes(validate({ competition: probabilityCompetition, submission: "id,p\n" }))).toEqual(["NO_ROWS"]);
    const quote = validate({ competition: probabilityCompetition, submission: 'id,p\na,0.5\n"b,0.5\n' });
    expect(quote.issues.map((i) => [i.code, i.line])).toEqual([["PARSE_ERROR", 3]]);
    const ragged = validate({ competition: probabilityCompetition, submission: "id,p\na,0.5\nb,0.5,9\nc,0.5\n" });
    expect(ragged.issues.map((i) => [i.code, i.row, i.expected, i.received])).toEqual([["PARSE_ERROR", 2, "2 fields", "3 fields"]]);
    const index = validate({ competition: probabilityCompetition, submission: "id,p\n0,a,0.5\n1,b,0.5\n" });
    expect(index.valid).toBe(true);
    expect(codes(index, "warning")).toEqual(["PARSE_ERROR"]);
  });

  it("encoding errors are located and reading goes on to find the other issues", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("id,p\na,0.5\nb,"), 0xff, ...new TextEncoder().encode("\nc,2\n")]);
    const report = validate({ competition: probabilityCompetition, submission: bytes });
    expect(report.issues.map((i) => [i.code, i.line])).toEqual([["ENCODING_ERROR", 3], ["NON_NUMERIC", 3], ["OUT_OF_RANGE", 4]]);
    expect(report.issues[1]!.received).toBe('"\ufffd"');
  });

  it("NUL characters: a warning, and the field is cut as pandas cuts it", () => {
    const report = validate({ competition: probabilityCompetition, submission: "id,p\na,0.5\u0000junk\n" });
    expect(report.valid).toBe(true);
    expect(report.issues.map((i) => [i.severity, i.code])).toEqual([["warning", "PARSE_ERROR"]]);
  });
});

describe("ids", () => {
  it("duplicates without a reference, under the reading pandas gives the column", () => {
    const text = validate({ competition: probabilityCompetition, submission: "id,p\na,0.1\nb,0.2\na,0.3\n" });
    expect(text.issues.map((i) => [i.code, i.row, i.received])).toEqual([["DUPLICATE_IDS", 3, '"a"']]);
    // An int64 column: 007 is 7, 7.0 is 7.
    const numeric = validate({ competition: probabilityCompetition, submission: "id,p\n7,0.1\n007,0.2\n7.0,0.3\n8,0.4\n" });
    expect(numeric.issues.map((i) => [i.code, i.row])).toEqual([["DUPLICATE_IDS", 2], ["DUPLICATE_IDS", 3]]);
    // One text id makes the column text: 7 and 007 are then different ids.
    const mixed = validate({ competition: probabilityCompetition, submission: "id,p\n7,0.1\n007,0.2\nx,0.3\n" });
    expect(mixed.valid).toBe(true);
    expect(validate({ competition: probabilityCompetition, submission: "id,p\n7,0.1\nx,0.2\n7,0.3\n" }).issues.map((i) => i.code)).toEqual(["DUPLICATE_IDS"]);
    const missing = validate({ competition: probabilityCompetition, submission: "id,p\nNA,0.1\nb,0.2\n" });
    expect(missing.issues.map((i) => [i.code, i.column])).toEqual([["MISSING_VALUE", "id"]]);
  });

  it("against a sample submission: unknown, missing and duplicate ids, row count", () => {
    const sample = "id,p\na,0\nb,0\nc,0\n";
    const report = validate({ competition: probabilityCompetition, submission: "id,p\na,0.1\na,0.2\nz,0.3\nb,0.4\n", sample });
    expect(report.reference).toBe("sample");
    // In file order; whole-file issues last.
    expect(report.issues.map((i) => [i.code, i.row, i.expected ?? i.received])).toEqual([
      ["DUPLICATE_IDS", 2, "each id once"],
      ["UNEXPECTED_IDS", 3, '"z"'],
      ["MISSING_IDS", undefined, '"c"'],
      ["ROW_COUNT_MISMATCH", undefined, "3"],
    ]);
  });

  it("numeric reference ids match numeric spellings; one text id breaks them all, and says so", () => {
    const sample = Frame.fromCsv("id,p\n7,0\n8,0\n");
    expect(validate({ competition: probabilityCompetition, submission: "id,p\n007,0.1\n8.0,0.2\n", sample }).valid).toBe(true);
    const broken = validate({ competition: probabilityCompetition, submission: "id,p\n7,0.1\n8x,0.2\n", sample });
    expect(codes(broken)).toEqual(["UNEXPECTED_IDS", "ID_MISMATCH", "UNEXPECTED_IDS", "MISSING_IDS", "MISSING_IDS"]);
    expect(broken.issues.find((i) => i.code === "ID_MISMATCH")!.row).toBe(2);
  });

  it("composite ids (several id columns) and repeated reference ids", () => {
    const competition = testCompetition([{ name: "id", kind: "id" }, { name: "class", kind: "id" }, { name: "p", kind: "probability" }]);
    const sample = "id,class,p\n1,a,0\n1,b,0\n2,a,0\n";
    expect(validate({ competition, submission: "id,class,p\n2,a,0.1\n1,b,0.2\n01,a,0.3\n", sample }).valid).toBe(true);
    const report = validate({ competition, submission: "id,class,p\n1,a,0.1\n1,a,0.2\n2,a,0.3\n", sample });
    expect(report.issues.map((i) => [i.code, i.row])).toEqual([["DUPLICATE_IDS", 2], ["MISSING_IDS", undefined]]);
    const single = validate({ competition: probabilityCompetition, submission: "id,p\na,0.1\na,0.2\n", sample: "id,p\na,0\na,0\n" });
    expect(single.valid).toBe(true);
  });

  it("a sample without the id column: ids not compared, with a warning", () => {
    const report = validate({ competition: probabilityCompetition, submission: "id,p\na,0.1\n", sample: "key,p\na,0\n" });
    expect(report.valid).toBe(true);
    expect(codes(report, "warning")).toEqual(["MISSING_COLUMN"]);
  });

  it("duplicate detection without a reference stops, with a warning, beyond its bound", () => {
    const validation = new Validation({ competition: probabilityCompetition });
    validation.push("id,p\n");
    const rows = MAX_TRACKED_IDS + 2;
    const block: string[] = [];
    for (let i = 0; i < rows; i++) {
      block.push(`${i},0.5`);
      if (block.length === 100_000 || i === rows - 1) {
        validation.push(block.join("\n") + "\n");
        block.length = 0;
      }
    }
    const report = validation.finish();
    expect(report.valid).toBe(true);
    expect(report.issues.map((i) => [i.severity, i.code])).toEqual([["warning", "DUPLICATE_IDS"]]);
  }, 120_000);
});

describe("with the answers: the grader decides", () => {
  const answers = "PassengerId,Transported\n0001_01,True\n0002_01,False\n0003_01,True\n";

  it("a file the grader scores is valid; what the generic checks doubted becomes warnings", () => {
    const good = validate({ competition: "spaceship-titanic", submission: "PassengerId,Transported\n0003_01,False\n0001_01,True\n0002_01,False\n", answers });
    expect(good).toMatchObject({ valid: true, reference: "answers", grader: { outcome: "score", code: null }, errors: 0, warnings: 0 });
    const lenient = validate({ competition: probabilityCompetition, submission: "id,p\na,1.5\n", answers: "id,p\na,1\n" });
    expect(lenient).toMatchObject({ valid: true, errors: 0, warnings: 1, grader: { outcome: "score" } });
    expect(lenient.issues[0]).toMatchObject({ severity: "warning", code: "OUT_OF_RANGE" });
  });

  it("a file the grader rejects: its issues join the others, without repeats", () => {
    const report = validate({ competition: "spaceship-titanic", submission: "PassengerId,Transported\n0001_01,yes\n0002_01,False\n", answers });
    expect(report.valid).toBe(false);
    expect(report.grader).toEqual({ outcome: "invalid", code: "ROW_COUNT_MISMATCH", upstream: "invalid" });
    expect(report.issues.map((i) => [i.code, i.origin])).toEqual([
      ["UNKNOWN_LABEL", "format"],
      ["MISSING_IDS", "reference"],
      ["ROW_COUNT_MISMATCH", "reference"],
    ]);
    const grader = testCompetition([{ name: "id", kind: "id" }, { name: "p", kind: "probability" }], {
      grade: () => {
        throw new SubmissionError("UNDEFINED_METRIC", "only one class in y_true: secret-class", { upstream: "error" });
      },
    });
    const undefinedMetric = validate({ competition: grader, submission: "id,p\na,0.5\n", answers: "id,p\na,1\n" });
    expect(undefinedMetric.issues.map((i) => [i.code, i.origin, i.message])).toEqual([["UNDEFINED_METRIC", "grader", "submission.csv: only one class in y_true: secret-class"]]);
  });

  it("a missing submission", () => {
    expect(validate({ competition: "spaceship-titanic", submission: null })).toMatchObject({ valid: false, counts: { MISSING_SUBMISSION: 1 } });
  });
});

describe("reports stay short and bounded", () => {
  it("every issue is counted; a hundred of each code and a thousand in all are kept", () => {
    const rows = Array.from({ length: 500 }, (_, i) => `r${i},2`).join("\n");
    const report = validate({ competition: probabilityCompetition, submission: `id,p\n${rows}\n` });
    expect(report.counts.OUT_OF_RANGE).toBe(500);
    expect(report.errors).toBe(500);
    expect(report.issues).toHaveLength(100);
    expect(report.truncated).toBe(true);
    expect(validate({ competition: probabilityCompetition, submission: `id,p\n${rows}\n`, maxIssues: 7 }).issues).toHaveLength(7);
  });

  it("10^6 columns: a handful of issues, not a million", () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",");
    const report = validate({ competition: probabilityCompetition, submission: `${header}\n${"1,".repeat(999_999)}1\n` });
    expect(report.columns).toBe(1_000_000);
    expect(codes(report)).toEqual(["MISSING_COLUMN", "MISSING_COLUMN"]);
    expect(report.issues[0]!.message.length).toBeLessThan(300);
  });

  it("the same report whatever the chunks (text or bytes) the input arrives in", () => {
    const competition = testCompetition([{ name: "id", kind: "id" }, { name: "p", kind: "probability" }, { name: "y", kind: "label", labels: ["a", "b"] }]);
    fc.assert(
      fc.property(csvText(60), fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(), (tail, cuts, asBytes) => {
        const text = `id,p,y\n${tail}`;
        const input: string | Uint8Array = asBytes ? new TextEncoder().encode(text) : text;
        const whole = validate({ competition, submission: input, sample: "id,p,y\n1,0,a\nx,0,b\n" });
        const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
        const validation = new Validation({ competition, sample: "id,p,y\n1,0,a\nx,0,b\n" });
        let from = 0;
        for (const point of [...points, input.length]) {
          validation.push(input.slice(from, point));
          from = point;
        }
        expect(validation.finish()).toEqual(whole);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});

describe("participant-safe text", () => {
  const answers = "id,p\nsecret-1,1\nsecret-2,0\nshared,1\n";
  const grader = testCompetition([{ name: "id", kind: "id" }, { name: "p", kind: "probability" }], {
    grade: (submission) => {
      if (submission.length !== 3) throw new SubmissionError("MISSING_IDS", "ids secret-1, secret-2 are missing", { issues: [{ code: "MISSING_IDS", message: "id secret-1 is missing", expected: "secret-1" }] });
      return 0.987654321;
    },
  });

  it("valid: MLE-bench's words; invalid: located problems without answer ids or scores", () => {
    expect(participantText(validate({ competition: grader, submission: "id,p\nsecret-1,1\nsecret-2,0\nshared,1\n", answers }))).toBe("Submission is valid.");
    const text = participantText(validate({ competition: grader, submission: "id,p\nshared,1.5\nmine,0\n", answers }));
    expect(text).toMatch(/^Submission invalid! /);
    expect(text).toMatch(/row 1, column "p": expected a probability in \[0, 1\], got "1.5"/);
    expect(text).toMatch(/2 ids of the test set are missing/);
    expect(text).toMatch(/id "mine" is not in the answers/);
    expect(text).not.toMatch(/secret/);
  });

  it("never shows an id that only the answers hold, whatever the submission", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("shared", "mine", "x", "0", "1.5", "", "NA", "secret"), { maxLength: 6 }), csvText(10), (ids, noise) => {
        const submission = `id,p\n${ids.map((id, i) => `${id},${i % 3 === 0 ? "2" : "0.5"}`).join("\n")}\n${noise}`;
        const text = participantText(validate({ competition: grader, submission, answers }));
        expect(text).not.toMatch(/secret-\d/);
        expect(text).not.toMatch(/0\.98765/);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe("in-memory limits", () => {
  it("Frame.fromCsv refuses bytes beyond what a string can hold, with a typed error", () => {
    const huge = { length: 2 ** 30 } as unknown as Uint8Array;
    expect(() => Frame.fromCsv(huge)).toThrow(expect.objectContaining({ code: "TOO_LARGE" }));
  });
});
