import { pooledKendallTau } from "../../metrics/pooled-kendall-tau.js";
import { fail, requireColumns, requireSameIdSet, requireSameLength } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import type { Issue } from "../errors.js";
import { pythonSplit } from "../table/scalars.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "AI4Code",
    name: "Google AI4Code - Understand Code in Python Notebooks",
    splits: ["medium"],
    category: "Text / Code (cell ordering)",
    answers: "AI4Code/prepared/private/test_orders.csv",
    sampleSubmission: "AI4Code/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "cell_order", kind: "text", format: "space-separated cell ids" },
    ],
    answersColumns: ["id", "cell_order"],
    metric: { id: "pooled-kendall-tau" },
    direction: "maximize",
    awardsMedals: true,
    rounding: "python",
    rowMatching: "the id sets must be equal (and the row counts); sort both by id and pair notebooks in that order; cells are split on whitespace",
    knownIssues: [
      "A notebook whose cell_order lists a different number of cells is rejected; one that lists the right number but misses a cell id crashes the grader (null score)",
      "Discordant pairs are pooled over all notebooks, so large notebooks weigh more than small ones",
      "A missing cell_order is read as the text 'nan', a single cell",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, ["id", "cell_order"]);
    requireSameLength(submission, ans);
    requireColumns(submission, ["id", "cell_order"]);
    requireSameIdSet(submission, ans, "id");
    // astype(str) before sorting: a missing order is the text "nan".
    const subOrder = submission.col("id").argsort();
    const ansOrder = ans.col("id").argsort();
    const subCells = submission.col("cell_order").toStrings();
    const ansCells = ans.col("cell_order").toStrings();
    const subLists = Array.from(subOrder, (row) => pythonSplit(subCells[row]!));
    const ansLists = Array.from(ansOrder, (row) => pythonSplit(ansCells[row]!));
    const column = submission.col("cell_order");
    subLists.forEach((cells, i) => {
      if (cells.length !== ansLists[i]!.length) {
        const row = subOrder[i]!;
        const issue = submission.issueAt("MALFORMED_PREDICTION", column.sourceRow(row), "cell_order", `expected ${ansLists[i]!.length} cell ids, got ${cells.length}`, {
          expected: `${ansLists[i]!.length} cell ids`,
          received: `${cells.length} cell ids`,
        });
        fail("MALFORMED_PREDICTION", `${submission.file ?? "submission"} row ${issue.row}, column "cell_order": ${issue.message}`, { issues: [issue] });
      }
    });
    // MLE-bench looks every answer cell up in the submission's list (list.index raises ValueError when absent).
    const missing: Issue[] = [];
    subLists.forEach((cells, i) => {
      const present = new Set(cells);
      const absent = ansLists[i]!.filter((cell) => !present.has(cell));
      if (absent.length > 0) {
        missing.push(submission.issueAt("MISSING_IDS", column.sourceRow(subOrder[i]!), "cell_order", `expected cell id ${JSON.stringify(absent[0])} in the order, got none`, { expected: absent[0] }));
      }
    });
    if (missing.length > 0) {
      fail("MISSING_IDS", `${submission.file ?? "submission"} row ${missing[0]!.row}, column "cell_order": ${missing[0]!.message}${missing.length > 1 ? ` (${missing.length} notebooks)` : ""}`, {
        issues: missing.slice(0, 100),
        upstream: "error",
      });
    }
    // MLE-bench passes the submission's orders as the truth argument; Kaggle's metric takes the answers first.
    return context.mode === "kaggle" ? pooledKendallTau(ansLists, subLists) : pooledKendallTau(subLists, ansLists);
  },
);
