/** Competition definitions built in tests, to exercise every column kind the specs allow. */
import { defineCompetition, type ColumnSpec, type CompetitionMetaInput, type GradeFunction } from "../../src/competitions/define.js";

/** A competition with these submission columns; its grader accepts everything unless given. */
export function testCompetition(columns: ColumnSpec[], options: { grade?: GradeFunction; meta?: Partial<CompetitionMetaInput> } = {}) {
  return defineCompetition(
    {
      id: "test-competition",
      name: "Test competition",
      splits: ["dev"],
      answers: "test-competition/prepared/private/answers.csv",
      sampleSubmission: "test-competition/prepared/public/sample_submission.csv",
      columns,
      answersColumns: [columns[0]!.name],
      metric: { id: "accuracy" },
      direction: "maximize",
      awardsMedals: false,
      rowMatching: "defined in a test",
      ...options.meta,
    },
    options.grade ?? (() => 0.5),
  );
}

/** id + probability: the commonest submission shape. */
export const probabilityCompetition = testCompetition([
  { name: "id", kind: "id" },
  { name: "p", kind: "probability" },
]);
