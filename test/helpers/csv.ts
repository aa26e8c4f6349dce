/** A tiny reader for the simple, unquoted CSV files of `../shared` used as test expectations. */
import { readFileSync } from "node:fs";

export function readSimpleCsv(path: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(path, "utf8").split(/\r?\n/).filter((line) => line.length > 0);
  const names = header!.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ""]));
  });
}
