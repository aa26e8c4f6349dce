/**
 * The small framework the CLI commands share: argument parsing with `node:util.parseArgs`, help
 * text, and the mapping of errors to exit codes. Commands never touch `process`; `run()` receives
 * an {@link CliIO} so tests drive the CLI in-process.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { MlegradeError, UsageError } from "../errors.js";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  isTTY: boolean;
  /** Aborted on Ctrl-C, for long-running commands. */
  signal?: AbortSignal;
}

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;
export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  name: string;
  summary: string;
  /** Usage line(s) shown in help, without the leading "mlegrade". */
  usage: string;
  /** Option descriptions for help, in display order. */
  help: Array<[flag: string, text: string]>;
  options: OptionSpec;
  allowPositionals?: boolean;
  run(values: ParsedValues, positionals: string[], io: CliIO): Promise<number> | number;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export function parseCommandArgs(command: Command, argv: string[]): { values: ParsedValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return { values: values as ParsedValues, positionals };
  } catch (error) {
    throw new UsageError(`${command.name}: ${(error as Error).message.replace(/\. To specify a positional.*$/s, "")}`);
  }
}

export function commandHelp(command: Command): string {
  const width = Math.max(...command.help.map(([flag]) => flag.length), 10);
  const lines = [
    `mlegrade ${command.name}: ${command.summary}`,
    "",
    "Usage:",
    ...command.usage.split("\n").map((line) => `  mlegrade ${line}`),
  ];
  if (command.help.length > 0) {
    lines.push("", "Options:");
    for (const [flag, text] of command.help) lines.push(`  ${flag.padEnd(width)}  ${text}`);
  }
  lines.push(`  ${"-h, --help".padEnd(width)}  show this help`);
  return lines.join("\n") + "\n";
}

/** A required string option, or a UsageError naming it. */
export function required(values: ParsedValues, name: string, command: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`${command}: --${name} is required (see mlegrade ${command} --help)`);
  return value;
}

export function optionalString(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** `--mode mlebench|kaggle`. */
export function modeOption(values: ParsedValues, command: string): "mlebench" | "kaggle" {
  const mode = optionalString(values, "mode") ?? "mlebench";
  if (mode !== "mlebench" && mode !== "kaggle") throw new UsageError(`${command}: --mode must be mlebench or kaggle, got ${JSON.stringify(mode)}`);
  return mode;
}

/** Exit code and message for an error a command threw; unexpected errors keep their stack for bug reports. */
export function describeFailure(error: unknown): { code: number; message: string } {
  if (error instanceof MlegradeError) return { code: EXIT.usage, message: `mlegrade: ${error.message}` };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 70, message: `mlegrade: internal error (please report it): ${message}${error instanceof Error && error.stack ? `\n${error.stack}` : ""}` };
}
