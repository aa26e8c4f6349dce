/** The grade API's error contract: submission problems are reports, caller and data errors are typed. */
import { describe, expect, it } from "vitest";
import { AnswersError, MlegradeError, UnknownCompetitionError, grade, safeGrade } from "../src/index.js";

const answers = "PassengerId,Transported\n1,True\n2,False\n";

describe("grade and safeGrade", () => {
  it("a malformed submission is an invalid report, never an exception", () => {
    const report = grade({ competition: "spaceship-titanic", submission: 'PassengerId,Transported\n1,"True\n', answers });
    expect(report.outcome).toBe("invalid");
    expect(report.error?.code).toBe("PARSE_ERROR");
    expect(report.score).toBeNull();
  });

  it("caller and data errors are typed exceptions from grade, results from safeGrade", () => {
    expect(() => grade({ competition: "spaceship-titanik", submission: "", answers })).toThrow(UnknownCompetitionError);
    expect(() => grade({ competition: "spaceship-titanic", submission: "a\n1\n", answers: new Uint8Array([0xff, 0xfe, 0x00]) })).toThrow(AnswersError);
    const failed = safeGrade({ competition: "spaceship-titanik", submission: "", answers });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error).toBeInstanceOf(MlegradeError);
    expect(!failed.ok && failed.error.code).toBe("UNKNOWN_COMPETITION");
    const ok = safeGrade({ competition: "spaceship-titanic", submission: "PassengerId,Transported\n1,True\n2,True\n", answers });
    expect(ok.ok && ok.report.score).toBe(0.5);
  });
});
