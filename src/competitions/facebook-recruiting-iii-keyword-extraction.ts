import { microF1LabelSets } from "../../metrics/micro-f1.js";
import { alignBySortedIds } from "../grader/align.js";
import { answerLabelSets, requireMultilabelVocabulary, submittedLabelSets } from "../grader/label-sets.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "facebook-recruiting-iii-keyword-extraction",
    name: "Facebook Recruiting III - Keyword Extraction",
    splits: ["medium"],
    category: "Text classification (multi-label tags)",
    answers: "facebook-recruiting-iii-keyword-extraction/prepared/private/test.csv",
    sampleSubmission: "facebook-recruiting-iii-keyword-extraction/prepared/public/sample_submission.csv",
    columns: [
      { name: "Id", kind: "id" },
      { name: "Tags", kind: "text", allowEmpty: true, format: "tags separated by whitespace" },
    ],
    answersColumns: ["Id", "Tags"],
    metric: { id: "micro-f1" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by Id; sorted Ids must be equal; rows paired in that order",
    knownIssues: [
      "Only tags that appear somewhere in the answers count: other predicted tags are ignored rather than counted as false positives (kaggle mode counts them)",
      "Micro F1 pools all (row, tag) cells; Kaggle's leaderboard used the mean of per-row F1 scores, which neither mode reproduces",
      "A tag repeated in a row counts once; tags are case-sensitive; a row whose only tag is read as missing (e.g. 'null') is empty",
    ],
  },
  (submission, answers, context) => {
    const { yTrue, yPred, submission: sorted } = alignBySortedIds(submission, answers, { id: "Id", target: "Tags", order: "columns-first" });
    const { sets: truth, classes } = answerLabelSets(yTrue, "allow");
    if (context.mode === "mlebench") requireMultilabelVocabulary(sorted, classes);
    const predicted = submittedLabelSets(sorted, yPred);
    return microF1LabelSets(truth, predicted, { classes: context.mode === "mlebench" ? classes : null });
  },
);
