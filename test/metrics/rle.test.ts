/**
 * Run-length decoding (metrics/_rle.ts) against MLE-bench's `rle_decode`. The table's expectations
 * were produced by running `mlebench.competitions.utils.rle_decode(text, 3, 4)` (upstream 783b15a)
 * with Debian's Python 3.11 and numpy 1.24, listing the set pixels in column-major order, or the
 * exception it raised.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeRle, encodeRle, pythonInt, RleError, runLengthMaskToBitmap, type RunLengthMask } from "../../metrics/_rle.js";

/** Set pixels of a mask in its own (flat RLE) order. */
function pixels(mask: RunLengthMask): number[] {
  const out: number[] = [];
  for (let r = 0; r < mask.starts.length; r++) for (let k = mask.starts[r]!; k < mask.ends[r]!; k++) out.push(k);
  return out;
}

function outcome(text: unknown): number[] | string {
  try {
    return pixels(decodeRle(text, 3, 4));
  } catch (error) {
    if (error instanceof RleError) return error.python;
    throw error;
  }
}

const PYTHON: Array<[string, number[] | string]> = [
  ["3", []],
  ["1 2 5", [0, 1, 4, 5]],
  ["1 2 5 1 9", "ValueError"],
  ["1 2 3 1", [0, 1, 2]],
  ["5 100", [4, 5, 6, 7, 8, 9, 10, 11]],
  ["20 1 20 1", []],
  ["0", "AssertionError"],
  ["1 0", "AssertionError"],
  ["\u0663 \uff12", [2, 3]],
  ["1_0 2", [9, 10]],
  ["+3 2", [2, 3]],
  ["1 2 2", "AssertionError"],
  ["1 9223372036854775807", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
  ["9223372036854775808 1", "TypeError"],
  ["2 9223372036854775807", []],
  ["18446744073709551617 1", []],
  ["1 18446744073709551617", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
  ["5 3 1 2", "AssertionError"],
  ["-1 2", "AssertionError"],
  ["1 2 x", "ValueError"],
  ["", []],
  [" \t", []],
  ["1\x1c2", [0, 1]],
  ["1\u00a02", [0, 1]],
  ["1.0 2", "ValueError"],
  ["1e3 2", "ValueError"],
  ["1 2 1 2", "AssertionError"],
  ["13 1 13 1", []],
  ["12 5 13 1", [11]],
  ["3 1 1", "AssertionError"],
  ["1 1 1", "AssertionError"],
  ["2 0 1", "AssertionError"],
  ["0 0 -1 1", "AssertionError"],
  ["9223372036854775807 9223372036854775807", []],
  ["10 9223372036854775800 11 1", [10]],
];

describe("decodeRle reproduces rle_decode", () => {
  for (const [text, expected] of PYTHON) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
      expect(outcome(text)).toEqual(expected);
    });
  }

  it("rejects anything but text with rle_decode's assertion", () => {
    for (const value of [NaN, 5, true, null, undefined]) expect(outcome(value)).toBe("AssertionError");
  });

  it("names the problem in an expected/got message", () => {
    const cases: Array<[string, string, RegExp]> = [
      ["5 3 1 2", "unsorted", /expected starts in ascending order, got start 1 after start 5/],
      ["1 2 x", "not-an-integer", /expected whole numbers, got "x"/],
      ["1 2 5 1 9", "unpaired", /5 numbers/],
      ["1 2 2", "overlap", /run 2 starting at 2 overlaps/],
      ["1 0", "non-positive", /expected positive lengths, got length 0/],
    ];
    for (const [text, problem, message] of cases) {
      let thrown: unknown;
      try {
        decodeRle(text, 3, 4);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RleError);
      expect((thrown as RleError).problem).toBe(problem);
      expect((thrown as RleError).code).toBe("MALFORMED_RLE");
      expect((thrown as RleError).message).toMatch(message);
    }
  });

  it("keeps runs sorted and disjoint, and the area exact", () => {
    const mask = decodeRle("2 3 5 1 9 10", 3, 4);
    expect(Array.from(mask.starts)).toEqual([1, 4, 8]);
    expect(Array.from(mask.ends)).toEqual([4, 5, 12]);
    expect(mask.area).toBe(8);
  });
});

describe("pythonInt", () => {
  it("reads what Python's int() reads", () => {
    expect(pythonInt("007")).toBe(7n);
    expect(pythonInt("-0")).toBe(0n);
    expect(pythonInt("1_000")).toBe(1000n);
    expect(pythonInt("\u0967\u0966")).toBe(10n); // Devanagari 1 0
    expect(pythonInt("\u{1D7D9}")).toBe(1n); // mathematical double-struck 1
  });
  it("refuses what Python's int() refuses", () => {
    for (const text of ["1__0", "_1", "1_", "0x5", "1.0", "", "+", "--1", "1e3", "½"]) expect(pythonInt(text), text).toBeUndefined();
  });
});

describe("encodeRle and bitmaps", () => {
  it("walks column-major by default: pixel 2 is row 2, column 1", () => {
    // 2×3 image, row by row: [[1, 0, 1], [1, 0, 0]]
    expect(encodeRle([1, 0, 1, 1, 0, 0], 2, 3)).toBe("1 2 5 1");
    expect(encodeRle([1, 0, 1, 1, 0, 0], 2, 3, "row-major")).toBe("1 1 3 2");
  });

  it("round-trips through decodeRle in both orders", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom("column-major" as const, "row-major" as const),
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 81, maxLength: 81 }),
        (height, width, order, bits) => {
          const bitmap = bits.slice(0, height * width);
          const mask = decodeRle(encodeRle(bitmap, height, width, order), height, width, order);
          expect(Array.from(runLengthMaskToBitmap(mask))).toEqual(bitmap);
          expect(mask.area).toBe(bitmap.filter((b) => b === 1).length);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("writes a mask into a larger buffer at an offset, keeping what is there", () => {
    const target = new Uint8Array(12);
    target[0] = 1;
    runLengthMaskToBitmap(decodeRle("1 2", 2, 3), target, 6);
    expect(Array.from(target)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0]);
  });
});
