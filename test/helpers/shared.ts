/**
 * Access to `../shared` (read in place, never copied): the conformance cases computed with
 * MLE-bench's own graders and the real Kaggle leaderboards.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED = resolve(REPO_ROOT, "../shared");
export const CONFORMANCE = join(SHARED, "conformance");
export const LEADERBOARDS = join(SHARED, "leaderboards");
export const hasShared = existsSync(CONFORMANCE) && existsSync(LEADERBOARDS);

export interface ConformanceCase {
  name: string;
  submission: string;
  outcome: "score" | "invalid" | "error";
  score: number | null;
  mlebench_score: number | null;
  message: string | null;
  nonfinite?: "nan" | "inf" | "-inf" | null;
  note?: string;
  atol?: number;
}

export interface ConformanceSuite {
  competition_id: string;
  oracle: string;
  answers: string;
  cases: ConformanceCase[];
  dir: string;
}

export function conformanceIds(): string[] {
  if (!hasShared) return [];
  return readdirSync(CONFORMANCE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function loadSuite(id: string): ConformanceSuite {
  const dir = join(CONFORMANCE, id);
  const suite = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Omit<ConformanceSuite, "dir">;
  return { ...suite, dir };
}

const NONFINITE: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity };

/**
 * The comparison rule of `../shared/conformance/README.md`: same outcome; raw score within
 * max(atol, 1e-9·max(1, |score|)); MLE-bench-rounded score identical; non-finite values identical.
 * Returns null when the case passes, else a description of the difference.
 */
export function compareCase(expected: ConformanceCase, actual: { outcome: string; raw_score: number | null; score: number | null; error: { code: string; message: string } | null }): string | null {
  if (expected.outcome === "score") {
    if (actual.outcome !== "score") return `expected a score ${expected.score ?? expected.nonfinite}, got invalid: ${actual.error?.code} ${actual.error?.message}`;
    if (expected.nonfinite) {
      const want = NONFINITE[expected.nonfinite]!;
      const same = Number.isNaN(want) ? Number.isNaN(actual.raw_score) && Number.isNaN(actual.score) : actual.raw_score === want && actual.score === want;
      return same ? null : `expected ${expected.nonfinite}, got raw ${actual.raw_score} rounded ${actual.score}`;
    }
    const want = expected.score!;
    const got = actual.raw_score!;
    const tolerance = Math.max(expected.atol ?? 0, 1e-9 * Math.max(1, Math.abs(want)));
    if (!(Math.abs(got - want) <= tolerance)) return `raw score ${got} differs from ${want} by ${Math.abs(got - want)} (tolerance ${tolerance})`;
    if (actual.score !== expected.mlebench_score) return `rounded score ${actual.score} differs from MLE-bench's ${expected.mlebench_score}`;
    return null;
  }
  if (actual.outcome !== "invalid") return `expected ${expected.outcome} (${expected.message}), got score ${actual.raw_score}`;
  if (!actual.error?.code) return "invalid result without an error code";
  return null;
}
