/**
 * The bad-input corpus (fixtures/bad-inputs): its manifest, the competitions it uses, and the
 * cases too large to commit, generated into the system's temporary folder.
 */
import { createWriteStream, readFileSync } from "node:fs";
import { join } from "node:path";
import { meanAbsoluteError } from "../../metrics/mean-absolute-error.js";
import type { CompetitionDefinition } from "../../src/competitions/define.js";
import { getCompetition } from "../../src/competitions/index.js";
import { failCells, fail, requireFinite } from "../../src/grader/checks.js";
import { answersTable, floatsOf, prepareForAccuracy } from "../../src/grader/prepare.js";
import { pythonSplit } from "../../src/table/scalars.js";
import { REPO_ROOT } from "./shared.js";
import { testCompetition } from "./competitions.js";

export const CORPUS = join(REPO_ROOT, "fixtures/bad-inputs");

export interface Expectation {
  /** Error codes validate() reports with the answers and the sample submission (empty: valid). */
  validate: string[];
  /** grade(): scored, or invalid with this code. */
  grade: { outcome: "score" } | { outcome: "invalid"; code: string };
  /** The server's HTTP status and verdict. */
  serve: { status: number; valid: boolean };
}

export interface CorpusCase extends Expectation {
  name: string;
  class: string;
  competition: "spaceship-titanic" | "probability" | "mask" | "boxes";
  /** A file under files/, or a generator below. */
  file?: string;
  generate?: "one-gb" | "million-columns" | "long-line";
  note?: string;
}

export function loadManifest(): { cases: CorpusCase[] } {
  return JSON.parse(readFileSync(join(CORPUS, "manifest.json"), "utf8")) as { cases: CorpusCase[] };
}

/** A grader in the style of MLE-bench's probability graders: sort by id, floats, finite, in [0, 1]. */
const probability = testCompetition([{ name: "id", kind: "id" }, { name: "p", kind: "probability" }], {
  meta: { id: "bad-inputs-probability" },
  grade: (submission, answers) => {
    const { yTrue, yPred } = prepareForAccuracy(submission, answers, "p", "id");
    const sub = submission.sortBy("id");
    const predictions = floatsOf(sub, yPred);
    requireFinite(sub, yPred, predictions);
    const outside: number[] = [];
    predictions.forEach((v, i) => {
      if (v < 0 || v > 1) outside.push(i);
    });
    if (outside.length > 0) failCells(sub, yPred, outside, "OUT_OF_RANGE", "a probability in [0, 1]");
    return meanAbsoluteError(floatsOf(answersTable(answers, ["p"]), yTrue), predictions);
  },
});

/** Masks: `start length` pairs, ordered, inside a 100-pixel image, as a strict RLE decoder needs. */
const mask = testCompetition([{ name: "id", kind: "id" }, { name: "mask", kind: "rle", range: [1, 100], allowEmpty: true }], {
  meta: { id: "bad-inputs-mask" },
  grade: (submission, answers) => {
    const { yPred } = prepareForAccuracy(submission, answers, "mask", "id");
    const bad: number[] = [];
    for (let i = 0; i < yPred.length; i++) {
      const cell = yPred.get(i);
      const tokens = typeof cell === "string" ? pythonSplit(cell).map(Number) : [];
      let end = 1;
      let ok = tokens.length % 2 === 0;
      for (let k = 0; ok && k < tokens.length; k += 2) {
        ok = Number.isInteger(tokens[k]) && tokens[k]! >= end && tokens[k + 1]! >= 1 && tokens[k]! + tokens[k + 1]! - 1 <= 100;
        end = tokens[k]! + tokens[k + 1]!;
      }
      if (!ok) bad.push(i);
    }
    if (bad.length > 0) failCells(submission.sortBy("id"), yPred, bad, "MALFORMED_RLE", "run-length pairs");
    return 0.5;
  },
});

/** Boxes: groups of `label conf xmin ymin xmax ymax`, with xmin < xmax and ymin < ymax. */
const boxes = testCompetition(
  [
    { name: "id", kind: "id" },
    { name: "PredictionString", kind: "prediction-string", format: "label conf xmin ymin xmax ymax" },
  ],
  {
    meta: { id: "bad-inputs-boxes" },
    grade: (submission, answers) => {
      const { yPred } = prepareForAccuracy(submission, answers, "PredictionString", "id");
      for (let i = 0; i < yPred.length; i++) {
        const tokens = pythonSplit(String(yPred.get(i)));
        if (tokens.length % 6 !== 0) fail("MALFORMED_PREDICTION", `row ${i + 1}: expected groups of 6 tokens, got ${tokens.length}`);
        for (let k = 0; k < tokens.length; k += 6) {
          const [x1, y1, x2, y2] = tokens.slice(k + 2, k + 6).map(Number);
          if (!(x1! < x2! && y1! < y2!)) fail("MALFORMED_PREDICTION", `row ${i + 1}: expected xmin < xmax and ymin < ymax`);
        }
      }
      return 0.5;
    },
  },
);

const CONSTRUCTED: Record<string, CompetitionDefinition> = { probability, mask, boxes };

export function corpusCompetition(name: CorpusCase["competition"]): CompetitionDefinition {
  return name === "spaceship-titanic" ? getCompetition(name) : CONSTRUCTED[name]!;
}

export function corpusData(name: CorpusCase["competition"], file: "answers.csv" | "sample.csv"): string {
  return join(CORPUS, "data", name, file);
}

/** Writes a generated case to `path`: a 1 GB file, a million columns, or a 20 MB line. */
export async function generateCase(kind: NonNullable<CorpusCase["generate"]>, path: string, megabytes = 1024): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve())));
  if (kind === "million-columns") {
    await write(Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",") + "\n");
    await write("0,".repeat(999_999) + "0\n");
  } else if (kind === "long-line") {
    // A 20 MiB id, as when the line breaks of a file are lost.
    await write("PassengerId,Transported\n0001_01");
    for (let i = 0; i < 20; i++) await write("x".repeat(1 << 20));
    await write(",True\n0002_01,False\n0003_01,True\n0004_01,True\n");
  } else {
    // Valid rows, then rows whose ids the sample does not have, up to the size asked.
    await write("PassengerId,Transported\n0001_01,True\n0002_01,False\n0003_01,True\n0004_01,True\n");
    const block = Array.from({ length: 10_000 }, (_, i) => `x${String(i).padStart(6, "0")}_01,True`).join("\n") + "\n";
    for (let written = 0; written < megabytes * 1_048_576; written += block.length) await write(block);
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}
