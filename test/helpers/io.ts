import type { CliIO } from "../../src/node/cli.js";

/** A CliIO that records what the CLI prints. */
export function captureIO(options: { isTTY?: boolean } = {}): CliIO & { out(): string; err(): string } {
  let out = "";
  let err = "";
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    isTTY: options.isTTY ?? false,
    out: () => out,
    err: () => err,
  };
}
