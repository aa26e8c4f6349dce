/**
 * The `mlegrade` command line. `run(argv, io)` is pure (no `process`), so tests call it in-process;
 * `src/cli.ts` is the bin shim that wires it to the real process.
 */
import { VERSION } from "../version.js";
import { EXIT, commandHelp, describeFailure, parseCommandArgs, type CliIO, type Command } from "./cli-kit.js";
import { aggregateCommand } from "./commands/aggregate.js";
import { demoCommand } from "./commands/demo.js";
import { gradeBatchCommand } from "./commands/grade-batch.js";
import { gradeCommand } from "./commands/grade.js";
import { listCommand } from "./commands/list.js";
import { reportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { thresholdsCommand } from "./commands/thresholds.js";
import { serveCommand } from "./commands/serve.js";
import { validateCommand } from "./commands/validate.js";

export type { CliIO } from "./cli-kit.js";

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [gradeCommand, validateCommand, thresholdsCommand, listCommand, gradeBatchCommand, aggregateCommand, reportCommand, serveCommand, runCommand, demoCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `mlegrade ${VERSION}: grade machine-learning competition submissions exactly as MLE-bench does`,
    "",
    "Usage: mlegrade <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `mlegrade <command> --help` for a command's options. Exit codes: 0 ok, 1 invalid submission, 2 usage or data error.",
    "",
  ].join("\n");
}

/** Runs the CLI on arguments (without the program name) and returns the exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`mlegrade: unknown command ${JSON.stringify(name)}; commands: ${COMMANDS.map((c) => c.name).join(", ")}\n`);
    return EXIT.usage;
  }
  try {
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(values, positionals, io);
  } catch (error) {
    const failure = describeFailure(error);
    io.stderr(`${failure.message}\n`);
    return failure.code;
  }
}
