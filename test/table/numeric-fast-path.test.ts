/**
 * The character-code fast path for plain numeric columns gives exactly the general path's columns
 * (dtype, every value bit for bit, −0 included). The general path is forced with a copy of pandas'
 * missing-value set, which the fast path does not trust.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Frame } from "../../src/table/frame.js";
import { PANDAS_NA_VALUES } from "../../src/table/scalars.js";

const GENERAL = new Set(PANDAS_NA_VALUES);

const CELLS = [
  "0", "1", "-1", "+1", "-0", "+0", "007", "-007", "1.5", "-1.5", "0.0", "-0.0", ".5", "-.5", "5.", "1e5", "1E+05", "1e-5", "-1e-05",
  "2.5e-3", "1e22", "1e23", "1e-22", "1e-23", "123456789012345", "9007199254740991", "9007199254740992", "9007199254740993",
  "12345678901234567890", "0.1234567890123456789", "0.8977114907859387", "0.57391033101734401", "1e400", "-1e400", "1e-400",
  "1e", "1e+", ".", "-", "+", "", " 1", "1 ", "NA", "nan", "inf", "-inf", "True", "abc", "1,5", "0x10", "1_000", "1e0000001",
];

function csv(cells: string[][], eol = "\n"): string {
  return ["a,b", ...cells.map((row) => row.join(","))].join(eol) + eol;
}

function read(text: string, naValues?: ReadonlySet<string>): Frame | string {
  try {
    return Frame.fromCsv(text, { naValues });
  } catch (error) {
    return (error as Error).message;
  }
}

function same(text: string): void {
  const fast = read(text);
  const general = read(text, GENERAL);
  if (typeof fast === "string" || typeof general === "string") {
    expect(fast).toEqual(general);
    return;
  }
  expect(fast.columns.map((c) => c.dtype)).toEqual(general.columns.map((c) => c.dtype));
  fast.columns.forEach((column, j) => {
    const other = general.columns[j]!;
    for (let i = 0; i < column.length; i++) expect(Object.is(column.get(i), other.get(i)), `${column.name}[${i}]: ${column.get(i)} vs ${other.get(i)}`).toBe(true);
  });
}

describe("numeric columns read from character codes", () => {
  it("agree with the general path on plain, odd and malformed numbers", () => {
    const cell = fc.oneof(fc.constantFrom(...CELLS), fc.double().map(String), fc.integer().map(String), fc.double({ min: 0, max: 1 }).map((x) => x.toFixed(20)));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, crlf) => {
        same(csv(rows.map(([a, b]) => [a, b]), crlf ? "\r\n" : "\n"));
      }),
      { numRuns: 3000, seed: 20261128 },
    );
  });

  it("reads every column of a file the same way, short rows and quoted cells included", () => {
    same('a,b\n1,2.5\n3\n"4",""\n-0,-0\n');
    same("a,b\n-0,1\n,2\n");
    same("a,b\n-0,1.5\n0,2\n");
    same('a,b\n1,"2""5"\n');
  });
});
