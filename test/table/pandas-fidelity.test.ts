/**
 * Frame.fromCsv against pandas: `fixtures/pandas/read_csv.json` records what
 * `pandas.read_csv(float_precision="round_trip")` (MLE-bench's `read_csv`, with pandas 2.2's
 * missing-value list) returned for tricky CSV texts; written by `fixtures/pandas/generate.py`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SubmissionError } from "../../src/errors.js";
import { Frame } from "../../src/table/frame.js";
import { pythonFloatRepr } from "../../src/table/scalars.js";
import type { Column } from "../../src/table/column.js";
import { REPO_ROOT } from "../helpers/shared.js";

type Tagged = ["i" | "f" | "s", string] | ["b", boolean];
interface PandasCase {
  name: string;
  text?: string;
  base64?: string;
  note?: string;
  debianOnly?: boolean;
  result: { columns: string[]; dtypes: string[]; rows: number; cells: Tagged[][] } | { error: string; message: string };
}

const fixture = JSON.parse(readFileSync(join(REPO_ROOT, "fixtures/pandas/read_csv.json"), "utf8")) as { cases: PandasCase[] };

function tag(column: Column, i: number): Tagged {
  const big = column.bigValues?.get(i);
  if (big !== undefined) return ["i", big.toString()];
  const value = column.get(i);
  if (typeof value === "boolean") return ["b", value];
  if (typeof value === "string") return ["s", value];
  if (column.isInteger) return ["i", String(value === 0 ? 0 : value)];
  return ["f", pythonFloatRepr(value)];
}

const ERROR_CODES: Record<string, string> = { ParserError: "PARSE_ERROR", UnicodeDecodeError: "ENCODING_ERROR" };

describe("Frame.fromCsv reads what pandas.read_csv reads", () => {
  const cases = fixture.cases.filter((c) => !c.debianOnly);
  it("the fixture covers the tricky cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
  });
  for (const c of cases) {
    it(c.name, () => {
      const input = c.base64 !== undefined ? new Uint8Array(Buffer.from(c.base64, "base64")) : c.text!;
      const expected = c.result;
      if ("error" in expected) {
        if (expected.error === "EmptyDataError") {
          // MLE-bench's read_csv turns this into an empty DataFrame: a frame without columns.
          expect(Frame.fromCsv(input).columns).toHaveLength(0);
          return;
        }
        let caught: unknown;
        try {
          Frame.fromCsv(input);
        } catch (error) {
          caught = error;
        }
        expect(caught, expected.message).toBeInstanceOf(SubmissionError);
        expect((caught as SubmissionError).code).toBe(ERROR_CODES[expected.error]);
        return;
      }
      const frame = Frame.fromCsv(input);
      expect(frame.columnNames).toEqual(expected.columns);
      expect(frame.columns.map((col) => col.dtype)).toEqual(expected.dtypes);
      expect(frame.length).toBe(expected.rows);
      frame.columns.forEach((column, k) => {
        const cells = Array.from({ length: column.length }, (_, i) => tag(column, i));
        expect(cells, column.name).toEqual(expected.cells[k]);
      });
    });
  }

  it("records Debian's pandas 1.5 reading None as text, which the pinned 2.2 does not", () => {
    const debian = fixture.cases.find((c) => c.name === "none_debian")!;
    expect(debian.result).toMatchObject({ cells: [[["s", "None"], ["s", "x"]], [["i", "1"], ["i", "2"]]] });
    expect(Frame.fromCsv(debian.text!).col("a").isMissing(0)).toBe(true);
  });
});
