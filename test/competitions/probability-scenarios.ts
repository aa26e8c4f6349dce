/**
 * Small synthetic answers/submission pairs for the probability graders, covering behaviours the
 * shared conformance cases do not (column order, NaN and text cells, duplicate ids, extra columns,
 * rounding thresholds). `probability-graders.test.ts` states what MLE-bench's own grade.py returned
 * for each (run with Debian's pandas and numpy, log_loss computed as scikit-learn 1.5.1 does).
 */
export interface Scenario {
  name: string;
  competition: string;
  answers: string;
  submission: string;
}

const csv = (rows: Array<Array<string | number>>): string => rows.map((row) => row.join(",")).join("\n") + "\n";

/** k class columns named c0..c(k-1) are replaced by the given names. */
function oneHotAnswers(ids: string[], classes: string[], truth: number[]): string {
  return csv([["id", ...classes], ...ids.map((id, i) => [id, ...classes.map((_, c) => (c === truth[i] ? 1 : 0))])]);
}

/** Probability rows: `hit` on the true class, the rest spread evenly. */
function probabilityRows(classes: string[], truth: number[], hit: number): number[][] {
  const rest = (1 - hit) / (classes.length - 1);
  return truth.map((t) => classes.map((_, c) => (c === t ? hit : rest)));
}

/** A submission with an `id` column and the class columns, in `order` (default: id, then classes). */
function submissionCsv(classes: string[], ids: string[], rows: Array<Array<number | string>>, order = ["id", ...classes]): string {
  return csv([order, ...ids.map((id, i) => order.map((name) => (name === "id" ? id : rows[i]![classes.indexOf(name)]!)))]);
}

export function scenarios(breeds: string[], species: string[]): Scenario[] {
  const out: Scenario[] = [];

  // dog-breed-identification: 3 images.
  {
    const ids = ["a1", "b2", "c3"];
    const truth = [0, 5, 119];
    const answers = oneHotAnswers(ids, breeds, truth);
    const rows = probabilityRows(breeds, truth, 0.6);
    const header = ["id", ...breeds];
    const withId = (r: Array<Array<number | string>>) => submissionCsv(breeds, ids, r);
    const add = (name: string, submission: string) => out.push({ name, competition: "dog-breed-identification", answers, submission });
    add("dog-breed good", withId(rows));
    add("dog-breed reversed columns with an extra column", csv([["note", ...[...header].reverse()], ...ids.map((id, i) => [7, ...[...breeds].reverse().map((b) => rows[i]![breeds.indexOf(b)]!), id])]));
    const nanRow = rows.map((row) => [...row] as Array<number | string>);
    nanRow[0] = breeds.map((_, c) => (c === 0 ? 1 : 0));
    nanRow[0][3] = "NaN";
    add("dog-breed NaN cell in a row that still sums to 1", withId(nanRow));
    const textRow = rows.map((row) => [...row] as Array<number | string>);
    textRow[1]![2] = "high";
    add("dog-breed text cell", withId(textRow));
    add("dog-breed rows summing to 0.5", withId(rows.map((row) => row.map((v) => v / 2))));
    add("dog-breed unknown id", submissionCsv(breeds, ["a1", "b2", "zz"], rows));
    add("dog-breed exact one-hot with one confident miss", withId(truth.map((t, i) => breeds.map((_, c) => (c === (i === 2 ? 1 : t) ? 1 : 0)))));
  }

  // leaf-classification: 2 leaves with integer ids.
  {
    const ids = ["17", "4"];
    const truth = [10, 98];
    const answers = oneHotAnswers(ids, species, truth);
    const rows = probabilityRows(species, truth, 0.9);
    const header = ["id", ...species];
    const add = (name: string, submission: string) => out.push({ name, competition: "leaf-classification", answers, submission });
    add("leaf good", submissionCsv(species, ids, rows));
    add("leaf reversed columns", csv([[...header].reverse(), ...ids.map((id, i) => [...[...rows[i]!].reverse(), id])]));
    add("leaf missing column", csv([header.slice(0, -1), ...ids.map((id, i) => [id, ...rows[i]!.slice(0, -1)])]));
    add("leaf unnamed index column", csv([["", ...header], ...ids.map((id, i) => [i, id, ...rows[i]!])]));
  }

  // spooky-author-identification: 3 sentences.
  {
    const authors = ["EAP", "HPL", "MWS"];
    const ids = ["id001", "id002", "id003"];
    const answers = oneHotAnswers(ids, authors, [0, 2, 1]);
    const rows = [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.25, 0.5, 0.25]];
    const header = ["id", ...authors];
    const add = (name: string, submission: string) => out.push({ name, competition: "spooky-author-identification", answers, submission });
    add("spooky good", submissionCsv(authors, ids, rows));
    add("spooky authors permuted", submissionCsv(authors, ids, rows, ["id", "MWS", "EAP", "HPL"]));
    add("spooky id not first", submissionCsv(authors, ids, rows, ["EAP", "id", "HPL", "MWS"]));
    add("spooky misnamed column", csv([["id", "EAP", "HPL", "XYZ"], ...ids.map((id, i) => [id, ...rows[i]!])]));
    add("spooky five columns", csv([[...header, "extra"], ...ids.map((id, i) => [id, ...rows[i]!, 0])]));
  }

  // lmsys-chatbot-arena: 3 battles with numeric ids.
  {
    const answers = csv([["id", "model_a", "winner_model_a", "winner_model_b", "winner_tie"], [30, "x", 1, 0, 0], [10, "y", 0, 0, 1], [20, "z", 0, 1, 0]]);
    const add = (name: string, rows: Array<Array<number | string>>, header = ["id", "winner_model_a", "winner_model_b", "winner_tie"]) =>
      out.push({ name, competition: "lmsys-chatbot-arena", answers, submission: csv([header, ...rows]) });
    add("lmsys row sum 0.9999996 rounds to 1", [[10, 0.2, 0.2, 0.5999996], [20, 0.3, 0.4, 0.3], [30, 0.5, 0.25, 0.25]]);
    add("lmsys row sum 0.9999994 does not", [[10, 0.2, 0.2, 0.5999994], [20, 0.3, 0.4, 0.3], [30, 0.5, 0.25, 0.25]]);
    add("lmsys duplicate id", [[10, 0.2, 0.2, 0.6], [10, 0.3, 0.4, 0.3], [30, 0.5, 0.25, 0.25]]);
    add("lmsys extra columns", [[10, 0.2, 0.2, 0.6, "q"], [20, 0.3, 0.4, 0.3, "r"], [30, 0.5, 0.25, 0.25, "s"]], ["id", "winner_model_a", "winner_model_b", "winner_tie", "prompt"]);
  }

  // dogs-vs-cats-redux-kernels-edition and statoil: binary.
  {
    const answers = csv([["id", "label"], [1, 1], [2, 0], [3, 1], [4, 0]]);
    const add = (name: string, rows: Array<Array<number | string>>, ans = answers) => out.push({ name, competition: "dogs-vs-cats-redux-kernels-edition", answers: ans, submission: csv([["id", "label"], ...rows]) });
    add("dogs-vs-cats good, shuffled", [[3, 0.8], [1, 0.9], [4, 0.3], [2, 0.2]]);
    add("dogs-vs-cats text label", [[1, 0.9], [2, "cat"], [3, 0.8], [4, 0.3]]);
    add("dogs-vs-cats NaN label", [[1, 0.9], [2, ""], [3, 0.8], [4, 0.3]]);
    add("dogs-vs-cats duplicate id", [[1, 0.9], [1, 0.9], [2, 0.2], [3, 0.8], [4, 0.3]]);
    add("dogs-vs-cats exact 0 and 1", [[1, 0], [2, 1], [3, 1], [4, 0]]);
    add("dogs-vs-cats single-class answers", [[1, 0.9], [2, 0.2]], csv([["id", "label"], [1, 1], [2, 1]]));
    const iceberg = csv([["id", "is_iceberg"], ["a", 1], ["b", 0], ["c", 0]]);
    out.push({ name: "statoil duplicate id", competition: "statoil-iceberg-classifier-challenge", answers: iceberg, submission: csv([["id", "is_iceberg"], ["a", 0.9], ["a", 0.8], ["b", 0.1], ["c", 0.2]]) });
    out.push({ name: "statoil good", competition: "statoil-iceberg-classifier-challenge", answers: iceberg, submission: csv([["id", "is_iceberg"], ["c", 0.3], ["a", 0.6], ["b", 0.05]]) });
  }

  // rsna-2022-cervical-spine-fracture-detection: 2 studies.
  {
    const variables = ["patient_overall", "C1", "C2", "C3", "C4", "C5", "C6", "C7"];
    const studies = ["1.2.3", "1.2.10"];
    const truth = [[1, 0, 1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]];
    const answers = csv([["row_id", "fractured"], ...studies.flatMap((s, i) => variables.map((v, j) => [`${s}_${v}`, truth[i]![j]!]))]);
    const pred = [[0.7, 0.1, 0.6, 0.2, 0.1, 0.1, 0.0, 0.3], [0.2, 0.1, 0.05, 0.0, 1.0, 0.1, 0.2, 0.3]];
    const rows = studies.flatMap((s, i) => variables.map((v, j) => [`${s}_${v}`, pred[i]![j]!] as Array<number | string>));
    const add = (name: string, r: Array<Array<number | string>>) => out.push({ name, competition: "rsna-2022-cervical-spine-fracture-detection", answers, submission: csv([["row_id", "fractured"], ...r]) });
    add("rsna-2022 good, reversed", [...rows].reverse());
    const oddAnswers = answers.replaceAll("1.2.3_", "1.2.3_x_");
    out.push({ name: "rsna-2022 underscore inside a study id", competition: "rsna-2022-cervical-spine-fracture-detection", answers: oddAnswers, submission: csv([["row_id", "fractured"], ...rows.map(([id, v]) => [String(id).replace("1.2.3_", "1.2.3_x_"), v!])]) });
    add("rsna-2022 extra row", [...rows, ["1.2.10_C8", 0.5]]);
    add("rsna-2022 one id replaced by a duplicate", [...rows.slice(0, -1), rows[0]!]);
    add("rsna-2022 text value", rows.map((r, k) => (k === 3 ? [r[0]!, "x"] : r)));
  }

  // hms-harmful-brain-activity-classification: 3 windows, the first two of one eeg.
  {
    const votes = ["seizure_vote", "lpd_vote", "gpd_vote", "lrda_vote", "grda_vote", "other_vote"];
    const answers = csv([["eeg_id", "patient_id", ...votes], [5, 1, 0, 1, 3, 0, 0, 0], [5, 1, 0, 1, 3, 0, 0, 0], [2, 9, 2, 0, 0, 0, 0, 2]]);
    const base = [[5, 0.05, 0.2, 0.6, 0.05, 0.05, 0.05], [2, 0.4, 0.05, 0.05, 0.05, 0.05, 0.4], [5, 0.1, 0.3, 0.4, 0.1, 0.05, 0.05]];
    const add = (name: string, rows: Array<Array<number | string>>, header = ["eeg_id", ...votes]) =>
      out.push({ name, competition: "hms-harmful-brain-activity-classification", answers, submission: csv([header, ...rows]) });
    add("hms good", base);
    add("hms extra column of zeros", base.map((r) => [...r, 0]), ["eeg_id", ...votes, "spare"]);
    add("hms extra column of halves", base.map((r) => [...r, 0.5]), ["eeg_id", ...votes, "spare"]);
    add("hms extra boolean column", base.map((r) => [...r, "True"]), ["eeg_id", ...votes, "flag"]);
    add("hms NaN cell", base.map((r, i) => (i === 0 ? [5, "", 0.25, 0.6, 0.05, 0.05, 0.05] : r)));
    add("hms row sum 1.000004", base.map((r, i) => (i === 1 ? [2, 0.400004, 0.05, 0.05, 0.05, 0.05, 0.4] : r)));
    add("hms row sum 1.00002", base.map((r, i) => (i === 1 ? [2, 0.40002, 0.05, 0.05, 0.05, 0.05, 0.4] : r)));
    add("hms zero prediction where votes are positive", base.map((r, i) => (i === 1 ? [2, 0.0, 0.05, 0.05, 0.05, 0.05, 0.8] : r)));
  }

  // rsna-breast-cancer-detection.
  {
    const answers = csv([["prediction_id", "cancer"], ["10_L", 1], ["10_R", 0], ["11_L", 0], ["11_R", 1]]);
    const add = (name: string, values: Array<number | string>, ans = answers) =>
      out.push({ name, competition: "rsna-breast-cancer-detection", answers: ans, submission: csv([["prediction_id", "cancer"], ...["11_R", "10_L", "11_L", "10_R"].map((id, i) => [id, values[i]!])]) });
    add("rsna-breast good, shuffled", [0.8, 0.6, 0.3, 0.1]);
    add("rsna-breast NaN", [0.8, 0.6, "", 0.1]);
    add("rsna-breast outside [0, 1]", [3, -1, 0.3, 0.1]);
    add("rsna-breast integer predictions", [1, 1, 0, 0]);
    add("rsna-breast all negative", [-1, -2, -1, -3]);
    add("rsna-breast all zero", [0, 0, 0, 0]);
    add("rsna-breast text", [0.8, "high", 0.3, 0.1]);
    add("rsna-breast no positive answers", [0.8, 0.6, 0.3, 0.1], csv([["prediction_id", "cancer"], ["10_L", 0], ["10_R", 0], ["11_L", 0], ["11_R", 0]]));
  }
  return out;
}
