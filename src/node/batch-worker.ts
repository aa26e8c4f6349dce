/** Worker-thread entry for batch grading: grades its jobs in order and posts each report back. */
import { parentPort, workerData } from "node:worker_threads";
import { createBatchGrader, type BatchJob } from "./batch-grader.js";

const grade = createBatchGrader();
for (const job of workerData as BatchJob[]) {
  parentPort!.postMessage({ index: job.index, report: grade(job) });
}
