import { logLoss } from "../../metrics/log-loss.js";
import { AnswersError } from "../errors.js";
import { requireExactColumns, requireSameLength } from "../grader/checks.js";
import { iscloseToOne, oneHotLogLossInputs, pandasRowSums, requireProbabilities, requireRowSums } from "../grader/log-loss.js";
import { answersTable } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

/** The 99 species columns, in the order MLE-bench's grader lists them (alphabetical). */
const SPECIES = [
  "Acer_Capillipes", "Acer_Circinatum", "Acer_Mono", "Acer_Opalus", "Acer_Palmatum", "Acer_Pictum",
  "Acer_Platanoids", "Acer_Rubrum", "Acer_Rufinerve", "Acer_Saccharinum", "Alnus_Cordata", "Alnus_Maximowiczii",
  "Alnus_Rubra", "Alnus_Sieboldiana", "Alnus_Viridis", "Arundinaria_Simonii", "Betula_Austrosinensis",
  "Betula_Pendula", "Callicarpa_Bodinieri", "Castanea_Sativa", "Celtis_Koraiensis", "Cercis_Siliquastrum",
  "Cornus_Chinensis", "Cornus_Controversa", "Cornus_Macrophylla", "Cotinus_Coggygria", "Crataegus_Monogyna",
  "Cytisus_Battandieri", "Eucalyptus_Glaucescens", "Eucalyptus_Neglecta", "Eucalyptus_Urnigera", "Fagus_Sylvatica",
  "Ginkgo_Biloba", "Ilex_Aquifolium", "Ilex_Cornuta", "Liquidambar_Styraciflua", "Liriodendron_Tulipifera",
  "Lithocarpus_Cleistocarpus", "Lithocarpus_Edulis", "Magnolia_Heptapeta", "Magnolia_Salicifolia", "Morus_Nigra",
  "Olea_Europaea", "Phildelphus", "Populus_Adenopoda", "Populus_Grandidentata", "Populus_Nigra", "Prunus_Avium",
  "Prunus_X_Shmittii", "Pterocarya_Stenoptera", "Quercus_Afares", "Quercus_Agrifolia", "Quercus_Alnifolia",
  "Quercus_Brantii", "Quercus_Canariensis", "Quercus_Castaneifolia", "Quercus_Cerris", "Quercus_Chrysolepis",
  "Quercus_Coccifera", "Quercus_Coccinea", "Quercus_Crassifolia", "Quercus_Crassipes", "Quercus_Dolicholepis",
  "Quercus_Ellipsoidalis", "Quercus_Greggii", "Quercus_Hartwissiana", "Quercus_Ilex", "Quercus_Imbricaria",
  "Quercus_Infectoria_sub", "Quercus_Kewensis", "Quercus_Nigra", "Quercus_Palustris", "Quercus_Phellos",
  "Quercus_Phillyraeoides", "Quercus_Pontica", "Quercus_Pubescens", "Quercus_Pyrenaica", "Quercus_Rhysophylla",
  "Quercus_Rubra", "Quercus_Semecarpifolia", "Quercus_Shumardii", "Quercus_Suber", "Quercus_Texana",
  "Quercus_Trojana", "Quercus_Variabilis", "Quercus_Vulcanica", "Quercus_x_Hispanica", "Quercus_x_Turneri",
  "Rhododendron_x_Russellianum", "Salix_Fragilis", "Salix_Intergra", "Sorbus_Aria", "Tilia_Oliveri",
  "Tilia_Platyphyllos", "Tilia_Tomentosa", "Ulmus_Bergmanniana", "Viburnum_Tinus", "Viburnum_x_Rhytidophylloides",
  "Zelkova_Serrata",
];

export default defineCompetition(
  {
    id: "leaf-classification",
    name: "Leaf Classification",
    splits: ["low"],
    category: "Image Classification",
    answers: "leaf-classification/prepared/private/test.csv",
    sampleSubmission: "leaf-classification/prepared/public/sample_submission.csv",
    columns: [{ name: "id", kind: "id" }, ...SPECIES.map((name) => ({ name, kind: "probability" as const, range: [0, 1] as [number, number] }))],
    extraColumns: "rejected",
    answersColumns: ["id", ...SPECIES],
    metric: { id: "log-loss" },
    direction: "minimize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "columns must be exactly id and the 99 species; both sorted by id; the sorted id lists must be equal (else MLE-bench crashes)",
    knownIssues: [
      "Each row must sum to 1 within 1.1e-5 (np.isclose with atol 1e-6), although Kaggle's evaluation rescales rows (kaggle mode does)",
      "Probabilities are clipped at float64 epsilon (2.2e-16), not the 1e-15 Kaggle's evaluation states (kaggle mode uses 1e-15)",
      "Any extra column, even an unnamed index column, makes the submission invalid",
      "Duplicate or unknown ids make MLE-bench's grader fail an assertion (a crash, not an invalid-submission verdict)",
    ],
  },
  (submission, answers, context) => {
    const kaggle = context.mode === "kaggle";
    requireExactColumns(submission, ["id", ...SPECIES]);
    const ans = answersTable(answers, ["id", ...SPECIES]);
    requireSameLength(submission, ans);
    const columns = SPECIES.map((name) => submission.col(name));
    const sums = pandasRowSums(submission, columns);
    if (kaggle) requireRowSums(submission, sums, (sum) => sum > 0, "a positive row sum (rows are rescaled)");
    else requireRowSums(submission, sums, iscloseToOne, "probabilities summing to 1 (within 1.1e-5)");
    requireProbabilities(submission, columns);
    if (ans.columns.length !== SPECIES.length + 1) throw new AnswersError(`answers: expected exactly id and the ${SPECIES.length} species columns, got ${ans.columns.length} columns`);
    const { yTrue, yProb } = oneHotLogLossInputs(submission, ans, "id");
    return logLoss(yTrue, yProb, kaggle ? { eps: 1e-15, normalizeRows: true } : {});
  },
);
