/**
 * The competition registry: every definition file is registered, each definition is valid, names a
 * registered metric, and its declared direction agrees with its real Kaggle leaderboard.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getMetric } from "../../metrics/index.js";
import { COMPETITIONS, DefinitionError, defineCompetition, grade, inferLowerIsBetter, parseLeaderboard } from "../../src/index.js";
import { safeParse } from "zod/mini";
import { competitionMetaSchema } from "../../src/competitions/define.js";
import { LEADERBOARDS, REPO_ROOT, SHARED, hasShared } from "../helpers/shared.js";

const DIR = join(REPO_ROOT, "src", "competitions");
const files = readdirSync(DIR).filter((f) => f.endsWith(".ts") && f !== "define.ts" && f !== "index.ts");
const paths = hasShared
  ? new Map(
      readFileSync(join(SHARED, "spec", "dataset_paths.tsv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split("\t"))
        .map(([id, answers, sample]) => [id!, { answers: answers!, sample: sample! }]),
    )
  : new Map<string, { answers: string; sample: string }>();

describe("competition registry", () => {
  it("checks a definition's metadata on first use", () => {
    const broken = defineCompetition({ id: "not valid!", name: "x" } as unknown as Parameters<typeof defineCompetition>[0], () => 0);
    expect(() => grade({ competition: broken, submission: "a\n1\n", answers: "a\n1\n" })).toThrow(DefinitionError);
  });

  it("registers every definition file", () => {
    expect(COMPETITIONS.map((c) => `${c.id}.ts`).sort()).toEqual([...files].sort());
  });

  for (const competition of COMPETITIONS) {
    describe(competition.id, () => {
      it("is a valid definition naming a registered metric", () => {
        const { grade: _grade, ...meta } = competition;
        const parsed = safeParse(competitionMetaSchema, meta);
        expect(parsed.success).toBe(true);
        // defineCompetition fills the schema's defaults itself (it does not parse when the module loads).
        expect(meta).toEqual(parsed.data);
        expect(getMetric(competition.metric.id).id).toBe(competition.metric.id);
        expect(competition.columns.filter((c) => c.kind === "id").length).toBeGreaterThan(0);
      });

      it.skipIf(!hasShared)("uses MLE-bench's data layout for answers and sample submission", () => {
        expect(paths.get(competition.id)).toEqual({ answers: competition.answers, sample: competition.sampleSubmission });
      });

      const leaderboardFile = join(LEADERBOARDS, `${competition.id}.csv`);
      it.skipIf(!hasShared || !existsSync(leaderboardFile))("declares the direction its leaderboard shows", () => {
        const leaderboard = parseLeaderboard(readFileSync(leaderboardFile));
        const scores = leaderboard.scores;
        const flat = scores[0] === scores[scores.length - 1];
        expect(flat, "a flat leaderboard says nothing about direction").toBe(false);
        expect(inferLowerIsBetter(leaderboard) ? "minimize" : "maximize").toBe(competition.direction);
      });
    });
  }
});

describe("splits", () => {
  it.skipIf(!hasShared)("match MLE-bench's split files: lite/low 22, medium 38, high 15, dev 7, split75 75", async () => {
    const { listCompetitions } = await import("../../src/index.js");
    const count = (split: Parameters<typeof listCompetitions>[0]) => listCompetitions(split).length;
    expect([count("lite"), count("low"), count("medium"), count("high"), count("dev"), count("split75"), count("all")]).toEqual([22, 22, 38, 15, 7, 75, 82]);
    // Every competition of the spec's table is registered, with the spec's splits.
    const rows = readFileSync(join(SHARED, "spec", "competitions.tsv"), "utf8").trim().split("\n").slice(1).map((line) => line.split("\t"));
    for (const [id, , splits] of rows) {
      const declared = splits!.split(",").filter((s) => s !== "split75");
      expect(COMPETITIONS.find((c) => c.id === id)?.splits, id).toEqual(declared);
    }
  });

  it("mlegrade list --split lite prints the 22", async () => {
    const { run } = await import("../../src/node/cli.js");
    const { captureIO } = await import("../helpers/io.js");
    const io = captureIO();
    expect(await run(["list", "--split", "lite", "--json"], io)).toBe(0);
    expect(JSON.parse(io.out())).toHaveLength(22);
  });
});
