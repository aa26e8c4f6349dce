import { readFileSync } from "node:fs";
import { aggregate, orderReports } from "../../aggregate.js";
import { listCompetitions } from "../../competitions/index.js";
import type { SplitQuery } from "../../competitions/define.js";
import { UsageError } from "../../errors.js";
import { formatNumber } from "../format.js";
import { EXIT, optionalString, type Command } from "../cli-kit.js";
import { readGradingReport } from "../batch.js";

const NAMED_SPLITS = ["lite", "low", "medium", "high", "dev", "split75", "all"];

/** Competition ids of a named split (registry order = code-point order, as MLE-bench's split files), or of a split file. */
export function splitIds(split: string): string[] {
  if (NAMED_SPLITS.includes(split)) return listCompetitions(split as SplitQuery).map((c) => c.id);
  let text: string;
  try {
    text = readFileSync(split, "utf8");
  } catch {
    throw new UsageError(`aggregate: --split must be one of ${NAMED_SPLITS.join(", ")} or a file of competition ids, got ${JSON.stringify(split)}`);
  }
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

export const aggregateCommand: Command = {
  name: "aggregate",
  summary: "medal and validity rates per split from grading reports: mean ± SEM over seeds, 95% interval, pass@k",
  usage: "aggregate REPORT.json… [--split low|medium|high|split75|lite|dev|FILE] [--pad-missing] [--seeds N] [--k K] [--json]",
  help: [
    ["--split NAME", "split name or a file with one competition id per line (default split75)"],
    ["--pad-missing", "count missing runs as failed runs instead of keeping only complete seeds"],
    ["--seeds N", "use only the first N seeds"],
    ["--k K", "also compute pass@k over each competition's attempts"],
    ["--json", "print one JSON object"],
  ],
  options: {
    split: { type: "string" },
    "pad-missing": { type: "boolean" },
    seeds: { type: "string" },
    k: { type: "string" },
    json: { type: "boolean" },
  },
  allowPositionals: true,
  run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError("aggregate: expected one or more grading report files");
    const split = optionalString(values, "split") ?? "split75";
    const positive = (name: string) => {
      const text = optionalString(values, name);
      if (text === undefined) return undefined;
      const value = Number(text);
      if (!Number.isInteger(value) || value < 1) throw new UsageError(`aggregate: --${name} must be a positive integer, got ${JSON.stringify(text)}`);
      return value;
    };
    const files = positionals.map((path) => ({ path, reports: readGradingReport(path).competition_reports }));
    const result = aggregate(orderReports(files), {
      competitionIds: splitIds(split),
      split,
      padMissing: Boolean(values["pad-missing"]),
      numSeeds: positive("seeds"),
      k: positive("k"),
    });
    if (values.json) {
      io.stdout(JSON.stringify(result, null, 2) + "\n");
      return EXIT.ok;
    }
    io.stdout(`split ${result.split}: ${result.num_competitions_per_seed} competitions, ${result.num_seeds_averaged} seed${result.num_seeds_averaged === 1 ? "" : "s"}\n`);
    for (const [name, stat] of Object.entries(result.metrics)) {
      if (name === "total_competitions") continue;
      io.stdout(`  ${name.padEnd(30)} ${formatNumber(stat.mean, 2).padStart(6)} ± ${formatNumber(stat.standard_error, 2)}  (95% CI ${formatNumber(stat.ci_lower, 2)} – ${formatNumber(stat.ci_upper, 2)})\n`);
    }
    if (result.pass_at_k) {
      io.stdout(`  pass@${result.pass_at_k.k}: any medal ${formatNumber(result.pass_at_k.any_medal_percentage, 2)}%, valid ${formatNumber(result.pass_at_k.valid_submissions_percentage, 2)}%\n`);
    }
    return EXIT.ok;
  },
};
