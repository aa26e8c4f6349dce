/**
 * The validation server's worker thread: validates uploaded files for one competition, one at a
 * time, and answers with the participant-safe verdict text. Running it in a thread of its own lets
 * the server stop a validation that takes too long, and survive one that runs out of memory.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Answers, CompetitionDefinition } from "../competitions/define.js";
import { getCompetition } from "../competitions/index.js";
import type { GradingMode } from "../medals.js";
import type { Frame } from "../table/frame.js";
import { participantText } from "../validate/participant.js";
import { loadReferences, validateFile } from "./validate-file.js";

/** What the server passes to a worker (only plain data crosses the thread boundary). */
export interface WorkerInit {
  competition: string;
  dataDir?: string;
  answersPath?: string;
  samplePath?: string;
  mode?: GradingMode;
}

export interface WorkerJob {
  id: number;
  path: string;
  fileName: string;
}

export type WorkerReply = { id: number; result: string; valid: boolean } | { id: number; error: string };

/** Validates uploads for one competition; answers and sample submission are loaded once. */
export class UploadValidator {
  private references: { answers: Answers | null; sample: Frame | null } | null = null;
  readonly competition: CompetitionDefinition;

  constructor(
    private readonly init: Omit<WorkerInit, "competition"> & { competition: string | CompetitionDefinition },
  ) {
    this.competition = typeof init.competition === "string" ? getCompetition(init.competition) : init.competition;
  }

  async validate(job: Omit<WorkerJob, "id">, signal?: AbortSignal): Promise<{ result: string; valid: boolean }> {
    this.references ??= loadReferences(this.competition, this.init);
    const report = await validateFile({
      competition: this.competition,
      submissionPath: job.path,
      answers: this.references.answers,
      sample: this.references.sample,
      mode: this.init.mode,
      fileName: job.fileName,
      signal,
    });
    return { result: participantText(report), valid: report.valid };
  }
}

if (parentPort && (workerData as { mlegradeServe?: WorkerInit } | null)?.mlegradeServe) {
  const port = parentPort;
  const validator = new UploadValidator((workerData as { mlegradeServe: WorkerInit }).mlegradeServe);
  port.on("message", (job: WorkerJob) => {
    validator.validate(job).then(
      (answer) => port.postMessage({ id: job.id, ...answer } satisfies WorkerReply),
      (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
    );
  });
}
