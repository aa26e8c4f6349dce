/** Id matching on column storage agrees with the slow definitions built on Column.key (Python equality). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexKeys, sameKeySets, sameKeysInOrder, textRanks } from "../../src/grader/id-keys.js";
import { innerMergeOn } from "../../src/grader/merge.js";
import { Column, type Cell } from "../../src/table/column.js";
import { Frame } from "../../src/table/frame.js";

const SEED = 20261128;

const numberColumn = fc.array(fc.constantFrom(0, -0, 1, 2, 3, 1.5, NaN, 1e300, -7), { maxLength: 40 });
const cellColumn = fc.array(fc.constantFrom<Cell>("1", "a", "b", "", 1, 2, true, false, NaN), { maxLength: 40 });
const textColumn = fc.array(fc.constantFrom<Cell>("1", "a", "b", "", "ab"), { maxLength: 40 });

function columns(): fc.Arbitrary<Column> {
  return fc.oneof(
    numberColumn.map((v) => Column.fromNumbers("id", v)),
    cellColumn.map((c) => Column.fromCells("id", c)),
    textColumn.map((c) => Column.fromCells("id", c)),
    fc.array(fc.constantFrom(0, 1), { maxLength: 40 }).map((v) => new Column({ name: "id", dtype: "bool", values: Float64Array.from(v) })),
  );
}

function slowMerge(left: Column, right: Column): [number[], number[]] {
  const l: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < left.length; i++) for (let j = 0; j < right.length; j++) if (left.key(i) === right.key(j)) l.push(i), r.push(j);
  return [l, r];
}

describe("id keys", () => {
  it("sameKeysInOrder is row-by-row key equality", () => {
    fc.assert(
      fc.property(columns(), columns(), (a, b) => {
        const slow = a.length === b.length && Array.from({ length: a.length }, (_, i) => a.key(i) === b.key(i)).every(Boolean);
        expect(sameKeysInOrder(a, b)).toBe(slow);
        expect(sameKeysInOrder(a, a)).toBe(Array.from({ length: a.length }, (_, i) => !a.isMissing(i)).every(Boolean));
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("indexKeys and innerMergeOn pair every equal key, in left then right row order", () => {
    fc.assert(
      fc.property(columns(), columns(), (a, b) => {
        const merged = innerMergeOn(new Frame([a]), new Frame([b]), "id");
        const [l, r] = slowMerge(a, b);
        expect(Array.from(merged.left)).toEqual(l);
        expect(Array.from(merged.right)).toEqual(r);
        expect(indexKeys(b, a).hasNaN).toBe(Array.from({ length: b.length }, (_, i) => b.isMissing(i)).some(Boolean));
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("sameKeySets is true only when both key sets are equal and NaN-free", () => {
    fc.assert(
      fc.property(columns(), columns(), (a, b) => {
        const keys = (c: Column) => new Set(Array.from({ length: c.length }, (_, i) => c.key(i)));
        const ka = keys(a);
        const kb = keys(b);
        const slow = ka.size === kb.size && [...ka].every((k) => kb.has(k));
        expect(sameKeySets(a, b)).toBe(slow);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("matches text ids read from CSV (slices of the file's text, quoted and missing cells included)", () => {
    const left = Frame.fromCsv('id\nb\n"a""q"\n\nc\nb\n');
    const right = Frame.fromCsv('id,x\nc,1\nb,2\n"a""q",3\nb,4\n,5\n');
    const merged = innerMergeOn(left, right, "id");
    const [l, r] = slowMerge(left.col("id"), right.col("id"));
    expect(Array.from(merged.left)).toEqual(l);
    expect(Array.from(merged.right)).toEqual(r);
    expect(sameKeySets(Frame.fromCsv("id\nb\na\n").col("id"), Frame.fromCsv('id\n"a"\nb\nb\n').col("id"))).toBe(true);
  });

  it("ranks text in code-point order (missing cells NaN), and only text", () => {
    const ranks = textRanks(Frame.fromCsv('t\n3JHC\n1JHC\n""\n"1JHC"\n\u{1F600}\n\uFFFD\n2JHH\n').col("t"));
    expect(Array.from(ranks!)).toEqual([2, 0, NaN, 0, 4, 3, 1]);
    expect(textRanks(Column.fromCells("t", ["a", true]))).toBeUndefined();
    expect(textRanks(Column.fromNumbers("t", [1, 2]))).toBeUndefined();
  });

  it("tells integers beyond 2^53 apart", () => {
    const big = Frame.fromCsv("id\n9007199254740993\n9007199254740992\n");
    const other = Frame.fromCsv("id\n9007199254740992\n9007199254740992\n");
    expect(sameKeysInOrder(big.col("id"), other.col("id"))).toBe(false);
    expect(sameKeySets(big.col("id"), other.col("id"))).toBe(false);
    expect(Array.from(innerMergeOn(big, other, "id").left)).toEqual([1, 1]);
  });
});
