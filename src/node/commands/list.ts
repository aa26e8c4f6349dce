import { listCompetitions } from "../../competitions/index.js";
import type { SplitQuery } from "../../competitions/define.js";
import { UsageError } from "../../errors.js";
import { EXIT, optionalString, type Command } from "../cli-kit.js";

const SPLIT_QUERIES: readonly SplitQuery[] = ["lite", "low", "medium", "high", "dev", "split75", "all"];

export const listCommand: Command = {
  name: "list",
  summary: "competitions with metric, direction and split",
  usage: "list [--split lite|low|medium|high|dev|split75] [--json]",
  help: [
    ["--split NAME", "only this split (lite = low; split75 = low + medium + high)"],
    ["--json", "print a JSON array"],
  ],
  options: { split: { type: "string" }, json: { type: "boolean" } },
  run(values, _positionals, io) {
    const split = optionalString(values, "split") as SplitQuery | undefined;
    if (split !== undefined && !SPLIT_QUERIES.includes(split)) {
      throw new UsageError(`list: --split must be one of ${SPLIT_QUERIES.join(", ")}, got ${JSON.stringify(split)}`);
    }
    const competitions = listCompetitions(split);
    if (values.json) {
      const rows = competitions.map((c) => ({
        id: c.id,
        name: c.name,
        splits: c.splits,
        metric: c.metric.id,
        direction: c.direction,
        is_lower_better: c.direction === "minimize",
        awards_medals: c.awardsMedals,
        answers: c.answers,
      }));
      io.stdout(JSON.stringify(rows, null, 2) + "\n");
      return EXIT.ok;
    }
    const idWidth = Math.max(2, ...competitions.map((c) => c.id.length));
    const metricWidth = Math.max(6, ...competitions.map((c) => c.metric.id.length));
    io.stdout(`${"id".padEnd(idWidth)}  ${"metric".padEnd(metricWidth)}  direction  split\n`);
    for (const c of competitions) {
      io.stdout(`${c.id.padEnd(idWidth)}  ${c.metric.id.padEnd(metricWidth)}  ${(c.direction === "maximize" ? "higher" : "lower").padEnd(9)}  ${c.splits.join(",")}\n`);
    }
    io.stdout(`${competitions.length} competition${competitions.length === 1 ? "" : "s"}\n`);
    return EXIT.ok;
  },
};
