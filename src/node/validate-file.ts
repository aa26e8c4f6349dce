/**
 * `validateFile`: the Node side of validation. Streams the submission from disk in 1 MiB pieces
 * (memory stays bounded whatever the file's size), finds the answers and sample submission in an
 * MLE-bench data dir, and runs the grader when the answers are there.
 */
import { existsSync, statSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { Answers, CompetitionDefinition } from "../competitions/define.js";
import { getCompetition } from "../competitions/index.js";
import { UsageError } from "../errors.js";
import type { GradingMode } from "../medals.js";
import { MAX_CSV_BYTES, tooLargeError, type Frame } from "../table/frame.js";
import { Validation, readSample, type GraderVerdict, type ValidationReport } from "../validate/validate.js";
import { toReportError } from "../grader/grade.js";
import { answersPathIn, loadAnswersFile, readFileOrFail, sampleSubmissionPathIn } from "./files.js";

export interface ValidateFileOptions {
  competition: string | CompetitionDefinition;
  submissionPath: string;
  /** The private answers: enables the grader check. */
  answersPath?: string;
  /** The sample submission: ids and row count. */
  samplePath?: string;
  /** MLE-bench data dir: answers and sample submission are taken from it where present. */
  dataDir?: string;
  /** Answers and sample already loaded (the server reuses them across requests). */
  answers?: Answers | null;
  sample?: Frame | null;
  mode?: GradingMode;
  maxIssues?: number;
  /** Name of the file in messages (default: the path's base name). */
  fileName?: string;
  /** Called as the file is read: bytes read so far and the file's size. */
  onProgress?: (read: number, total: number) => void;
  signal?: AbortSignal;
}

/** The answers and sample submission a validation compares with, resolved from paths or a data dir. */
export function loadReferences(competition: CompetitionDefinition, options: Pick<ValidateFileOptions, "answersPath" | "samplePath" | "dataDir">): { answers: Answers | null; sample: Frame | null } {
  let answersPath = options.answersPath;
  let samplePath = options.samplePath;
  if (options.dataDir) {
    const answersInDir = answersPathIn(options.dataDir, competition);
    const sampleInDir = sampleSubmissionPathIn(options.dataDir, competition);
    if (!answersPath && existsSync(answersInDir)) answersPath = answersInDir;
    if (!samplePath && existsSync(sampleInDir)) samplePath = sampleInDir;
    if (!options.answersPath && !options.samplePath && !answersPath && !samplePath) {
      throw new UsageError(`neither answers nor sample submission of ${competition.id} found in ${options.dataDir} (looked for ${answersInDir} and ${sampleInDir})`, "FILE_NOT_FOUND");
    }
  }
  const answers = answersPath ? loadAnswersFile(competition, answersPath) : null;
  const sample = samplePath ? readSampleFile(samplePath) : null;
  return { answers, sample };
}

function readSampleFile(path: string): Frame {
  return readSample(readFileOrFail(path, "sample submission"));
}

/** Validates a submission file (see the module doc). Throws only for the caller's problems. */
export async function validateFile(options: ValidateFileOptions): Promise<ValidationReport> {
  const competition = typeof options.competition === "string" ? getCompetition(options.competition) : options.competition;
  const references = options.answers !== undefined || options.sample !== undefined ? { answers: options.answers ?? null, sample: options.sample ?? null } : loadReferences(competition, options);
  const path = options.submissionPath;
  const validation = new Validation({
    competition,
    answers: references.answers,
    sample: references.sample,
    mode: options.mode,
    submissionPath: options.fileName ?? path,
    maxIssues: options.maxIssues,
  });
  // Like MLE-bench, a path that is not an existing `.csv` file counts as no submission.
  if (!existsSync(path) || !statSync(path).isFile() || extname(path).toLowerCase() !== ".csv") return validation.missing();
  const total = statSync(path).size;
  // One buffer, refilled: per-chunk buffers would pile up outside the JavaScript heap until a
  // collection, and resident memory with them.
  const buffer = new Uint8Array(1 << 16);
  const handle = await open(path, "r");
  try {
    let read = 0;
    for (;;) {
      if (options.signal?.aborted) throw new UsageError(`validation of ${basename(path)} interrupted`);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      validation.push(buffer.subarray(0, bytesRead));
      read += bytesRead;
      options.onProgress?.(read, total);
    }
  } finally {
    await handle.close();
  }
  let verdict: GraderVerdict | null = null;
  if (validation.answers) {
    // The grader needs the whole file in memory; beyond that limit it cannot run.
    verdict = total > MAX_CSV_BYTES ? { outcome: "invalid", error: toReportError(tooLargeError(total, validation.file), validation.file) } : validation.grade(await readFile(path));
  }
  return validation.finish(verdict);
}
