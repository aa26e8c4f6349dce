/** `mlegrade validate` in-process: formats, exit codes, progress on a terminal, usage errors. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/node/cli.js";
import { captureIO } from "../helpers/io.js";

const dir = mkdtempSync(join(tmpdir(), "mlegrade-validate-cli-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const sample = file("sample.csv", "PassengerId,Transported\n0001_01,False\n0002_01,False\n");
const answers = file("answers.csv", "PassengerId,Transported\n0001_01,True\n0002_01,False\n");
const good = file("good.csv", "PassengerId,Transported\n0002_01,True\n0001_01,False\n");
const bad = file("bad%,:name.csv", "PassengerId,Transported\n0001_01,yes\n0001_01,maybe\n0003_01,True\n");

async function validate(...args: string[]) {
  const io = captureIO();
  const code = await run(["validate", "--competition", "spaceship-titanic", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("mlegrade validate", () => {
  it("text: verdict line, then issues; exit 0 valid, 1 invalid", async () => {
    const ok = await validate("--submission", good, "--sample", sample);
    expect(ok.code).toBe(0);
    expect(ok.out).toBe("good.csv: valid for spaceship-titanic: 2 rows, 0 errors, 0 warnings (ids and row count checked against the sample submission)\n");
    const ko = await validate("--submission", bad, "--sample", sample, "--max-issues", "2");
    expect(ko.code).toBe(1);
    const lines = ko.out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^bad%,:name\.csv: invalid for spaceship-titanic: 3 rows, 6 errors, 0 warnings/);
    expect(lines[1]).toMatch(/^ {2}error {3}UNKNOWN_LABEL +bad%,:name\.csv row 1, column "Transported": expected True or False, got "yes"$/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^ {2}error {3}DUPLICATE_IDS +bad%,:name\.csv row 2, column "PassengerId": id "0001_01" appears more often than expected$/);
    expect(lines[3]).toMatch(/… 4 more issues \(all issues by code: DUPLICATE_IDS 1, MISSING_IDS 1, ROW_COUNT_MISMATCH 1, UNEXPECTED_IDS 1, UNKNOWN_LABEL 2\)/);
  });

  it("json: the whole report", async () => {
    const { code, out } = await validate("--submission", bad, "--answers", answers, "--format", "json");
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ competition_id: "spaceship-titanic", valid: false, reference: "answers", grader: { outcome: "invalid" }, rows: 3 });
    expect(report.issues[0]).toEqual({
      code: "UNKNOWN_LABEL",
      severity: "error",
      origin: "format",
      file: "bad%,:name.csv",
      row: 1,
      line: 2,
      column: "Transported",
      expected: "True or False",
      received: '"yes"',
      message: 'bad%,:name.csv row 1, column "Transported": expected True or False, got "yes"',
    });
  });

  it("github: one ::error per issue with file, line and code, escaped as the Actions toolkit does", async () => {
    const { code, out } = await validate("--submission", bad, "--sample", sample, "--format", "github", "--max-issues", "3");
    expect(code).toBe(1);
    const lines = out.trimEnd().split("\n");
    const path = bad.replaceAll("%", "%25").replaceAll(":", "%3A").replaceAll(",", "%2C");
    expect(lines[0]).toBe(`::error file=${path},line=2,title=UNKNOWN_LABEL::bad%25,:name.csv row 1, column "Transported": expected True or False, got "yes"`);
    expect(lines[2]).toBe(`::error file=${path},line=3,title=UNKNOWN_LABEL::bad%25,:name.csv row 2, column "Transported": expected True or False, got "maybe"`);
    expect(lines[3]).toBe("bad%,:name.csv: invalid for spaceship-titanic (6 errors, 0 warnings, 3 not annotated)");
  });

  it("--data-dir: answers and sample where present", async () => {
    const data = mkdtempSync(join(tmpdir(), "mlegrade-data-"));
    mkdirSync(join(data, "spaceship-titanic/prepared/public"), { recursive: true });
    writeFileSync(join(data, "spaceship-titanic/prepared/public/sample_submission.csv"), "PassengerId,Transported\n0001_01,False\n0002_01,False\n");
    expect(JSON.parse((await validate("--submission", good, "--data-dir", data, "--format", "json")).out)).toMatchObject({ valid: true, reference: "sample", grader: null });
    const empty = mkdtempSync(join(tmpdir(), "mlegrade-data-"));
    const none = await validate("--submission", good, "--data-dir", empty);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/neither answers nor sample submission of spaceship-titanic found/);
  });

  it("a missing submission is an invalid one (exit 1); usage errors exit 2", async () => {
    const missing = await validate("--submission", join(dir, "nope.csv"), "--format", "json");
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).counts).toEqual({ MISSING_SUBMISSION: 1 });
    expect((await validate("--submission", good, "--format", "xml")).code).toBe(2);
    expect((await validate("--submission", good, "--max-issues", "-1")).code).toBe(2);
    expect((await validate()).code).toBe(2);
  });

  it("shows progress on a terminal, and clears it", async () => {
    const io = captureIO({ isTTY: true });
    const big = file("big.csv", `PassengerId,Transported\n${Array.from({ length: 60_000 }, (_, i) => `${i},True`).join("\n")}\n`);
    expect(await run(["validate", "--competition", "spaceship-titanic", "--submission", big], io)).toBe(0);
    expect(io.err()).toMatch(/^\rvalidating .*big\.csv: \d+% \([\d.]+ MiB of [\d.]+ MiB\)/);
    expect(io.err().endsWith("\r\x1b[K")).toBe(true);
    const quiet = captureIO();
    await run(["validate", "--competition", "spaceship-titanic", "--submission", big], quiet);
    expect(quiet.err()).toBe("");
  });
});
