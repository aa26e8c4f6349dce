/**
 * The bad-input corpus (fixtures/bad-inputs/manifest.json): every case through validate() (with
 * the answers and the sample submission), grade() and the validation server, each ending in its
 * expected, typed verdict. The 1 GB case runs in full with MLEGRADE_LARGE=1 (otherwise a 3 MiB
 * version against 1 MiB limits); the other generated cases always run.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grade } from "../src/grader/grade.js";
import { gradeFile } from "../src/node/files.js";
import { serve, type RunningServer } from "../src/node/serve.js";
import { validateFile } from "../src/node/validate-file.js";
import { Frame } from "../src/table/frame.js";
import { validate, type ValidationReport } from "../src/validate/validate.js";
import { CORPUS, corpusCompetition, corpusData, generateCase, loadManifest, type CorpusCase, type Expectation } from "./helpers/bad-inputs.js";
import { postFile, sourceWorker } from "./helpers/serve.js";

const LARGE = process.env.MLEGRADE_LARGE === "1";
const manifest = loadManifest();
const tmp = mkdtempSync(join(tmpdir(), "mlegrade-bad-inputs-"));
const servers = new Map<string, RunningServer>();

function errorCodes(report: ValidationReport): string[] {
  return [...new Set(report.issues.filter((i) => i.severity === "error").map((i) => i.code))].sort();
}

async function post(server: RunningServer, body: Uint8Array): Promise<{ status: number; result?: string }> {
  const { status, body: answer } = await postFile(server.url, body);
  return { status, result: answer.result };
}

function expectServed(answer: { status: number; result?: string }, expected: Expectation["serve"]): void {
  expect(answer.status).toBe(expected.status);
  if (expected.valid) expect(answer.result).toBe("Submission is valid.");
  else expect(answer.result).toMatch(/^Submission invalid! /);
}

function expectGraded(report: { outcome: string; error: { code: string; upstream: string } | null }, expected: Expectation["grade"]): void {
  expect(report.outcome).toBe(expected.outcome);
  if (expected.outcome === "invalid") expect({ code: report.error?.code, upstream: report.error?.upstream }).toEqual({ code: expected.code, upstream: (expected as { upstream?: string }).upstream ?? report.error?.upstream });
}

beforeAll(async () => {
  for (const name of ["spaceship-titanic", "probability", "mask", "boxes"] as const) {
    const competition = corpusCompetition(name);
    const isolate = name === "spaceship-titanic";
    servers.set(name, await serve({ competition, answersPath: corpusData(name, "answers.csv"), samplePath: corpusData(name, "sample.csv"), port: 0, host: "127.0.0.1", isolate, createWorker: sourceWorker }));
  }
});

afterAll(async () => {
  for (const server of servers.values()) await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("bad-input corpus", () => {
  it("holds at least 50 distinct classes, each case with a file or a generator", () => {
    expect(new Set(manifest.cases.map((c) => c.class)).size).toBeGreaterThanOrEqual(50);
    for (const c of manifest.cases) expect(Boolean(c.file) !== Boolean(c.generate), c.name).toBe(true);
  });

  for (const c of manifest.cases.filter((c) => c.generate !== "one-gb")) {
    it(`${c.name}: ${c.class}`, async () => {
      const competition = corpusCompetition(c.competition);
      const answers = new Uint8Array(readFileSync(corpusData(c.competition, "answers.csv")));
      const sample = new Uint8Array(readFileSync(corpusData(c.competition, "sample.csv")));
      let bytes: Uint8Array;
      if (c.file) bytes = new Uint8Array(readFileSync(join(CORPUS, c.file)));
      else {
        const path = join(tmp, `${c.name}.csv`);
        await generateCase(c.generate!, path);
        bytes = new Uint8Array(readFileSync(path));
      }
      const report = validate({ competition, submission: bytes, answers, sample });
      expect(errorCodes(report), "validate").toEqual([...c.validate].sort());
      expect(report.valid).toBe(c.validate.length === 0);
      expectGraded(grade({ competition, submission: bytes, answers }), c.grade);
      expectServed(await post(servers.get(c.competition)!, bytes), c.serve);
    });
  }

  const oneGb = manifest.cases.find((c) => c.generate === "one-gb") as CorpusCase & { scaled: Expectation & { megabytes: number; maxBytes: number } };
  it(`one-gb: ${LARGE ? "a 1 GB file" : "a 3 MiB file against 1 MiB limits (MLEGRADE_LARGE=1 for 1 GB)"}`, async () => {
    const expected: Expectation = LARGE ? oneGb : oneGb.scaled;
    const path = join(tmp, "one-gb.csv");
    await generateCase("one-gb", path, LARGE ? 1024 : oneGb.scaled.megabytes);
    const competition = corpusCompetition("spaceship-titanic");
    const answersPath = corpusData("spaceship-titanic", "answers.csv");
    const answers = Frame.fromCsv(readFileSync(answersPath));
    const report = await validateFile({ competition, submissionPath: path, answers, sample: Frame.fromCsv(readFileSync(corpusData("spaceship-titanic", "sample.csv"))) });
    expect(errorCodes(report)).toEqual([...expected.validate].sort());
    if (LARGE) expectGraded(gradeFile({ competition, submissionPath: path, answers }), expected.grade);
    else expectGraded(grade({ competition, submission: new Uint8Array(readFileSync(path)), answers }), expected.grade);
    const limited = await serve({ competition, answersPath, port: 0, host: "127.0.0.1", isolate: false, maxBytes: LARGE ? undefined : oneGb.scaled.maxBytes });
    try {
      if (LARGE) {
        // Streamed by curl: a 1 GB body is not built in memory here.
        const curl = await promisify(execFile)("curl", ["-s", "-w", "\n%{http_code}", "-F", `file=@${path}`, `${limited.url}/validate`], { maxBuffer: 1 << 20 });
        const [body, status] = curl.stdout.split("\n");
        expectServed({ status: Number(status), result: (JSON.parse(body!) as { result?: string }).result }, expected.serve);
      } else {
        expectServed(await post(limited, new Uint8Array(readFileSync(path))), expected.serve);
      }
    } finally {
      await limited.close();
    }
  }, LARGE ? 900_000 : 60_000);
});

if (LARGE && spawnSync("curl", ["--version"]).status !== 0) throw new Error("MLEGRADE_LARGE=1 needs curl to upload the 1 GB file");
