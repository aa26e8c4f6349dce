/**
 * fast-check generators of CSV-like text, biased towards what breaks parsers: quotes, delimiters,
 * every line ending, blanks, NUL, BOM, NA and number spellings, non-ASCII and lone surrogates.
 */
import fc from "fast-check";

const PIECES = [
  ",", ",", ",", "\n", "\n", "\r\n", "\r", '"', '"', '""', " ", "\t", "\u0000", "\ufeff",
  "a", "b", "id", "x", "0", "1", "01", "-1", "1.5", "1e5", "1e999", "-0", ".5", "5.", "1_000", "1,000",
  "nan", "NaN", "NA", "None", "null", "inf", "-inf", "Infinity", "True", "false", "é", "日本", "\ud83d\ude00", "\ud800",
  "__proto__", "constructor", "Unnamed: 0",
];

/** Text assembled from CSV-significant pieces (up to `maxPieces` of them). */
export function csvText(maxPieces = 40): fc.Arbitrary<string> {
  return fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: "binary" }) }), { maxLength: maxPieces }).map((parts) => parts.join(""));
}

/** A header line and rows shaped like a submission (so the interesting checks are reached), then noise. */
export function submissionLike(header: readonly string[]): fc.Arbitrary<string> {
  const cell = fc.oneof(fc.constantFrom(...PIECES, "0.5", "0.25", "2", "True"), fc.double({ noNaN: false }).map(String), fc.integer().map(String));
  const row = fc.array(cell, { minLength: 0, maxLength: header.length + 2 }).map((cells) => cells.join(","));
  return fc.tuple(fc.array(row, { maxLength: 8 }), csvText(10), fc.constantFrom("\n", "\r\n", "\r")).map(([rows, tail, eol]) => [header.join(","), ...rows].join(eol) + eol + tail);
}
