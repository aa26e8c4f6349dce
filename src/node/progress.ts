/**
 * Progress for long commands: a bar redrawn in place on a terminal, plain lines at every tenth
 * otherwise (so CI logs stay short).
 */
import type { CliIO } from "./cli-kit.js";

export function createProgress(io: CliIO, label: string, total: number): { update(done: number, note?: string): void; finish(note?: string): void } {
  const start = Date.now();
  let lastDraw = 0;
  let lastDecile = -1;
  const line = (done: number, note = "") => {
    const seconds = ((Date.now() - start) / 1000).toFixed(1);
    return `${label} ${done}/${total}${note ? ` ${note}` : ""} ${seconds}s`;
  };
  return {
    update(done, note) {
      if (io.isTTY) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const width = 30;
        const filled = total === 0 ? width : Math.round((done / total) * width);
        io.stderr(`\r[${"=".repeat(filled)}${" ".repeat(width - filled)}] ${line(done, note)}`);
        return;
      }
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        io.stderr(`${line(done, note)}\n`);
      }
    },
    finish(note) {
      if (io.isTTY) io.stderr(`\r${" ".repeat(80)}\r`);
      io.stderr(`${line(total, note)} done\n`);
    },
  };
}
