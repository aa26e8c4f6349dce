import { logLoss } from "../../metrics/log-loss.js";
import { requireColumns, requireSameLength } from "../grader/checks.js";
import { iscloseToOne, oneHotLogLossInputs, pandasRowSums, requireProbabilities, requireRowSums } from "../grader/log-loss.js";
import { answersTable } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

/** The 120 breed columns, in the order MLE-bench's grader lists them (alphabetical). */
const BREEDS = [
  "affenpinscher", "afghan_hound", "african_hunting_dog", "airedale", "american_staffordshire_terrier",
  "appenzeller", "australian_terrier", "basenji", "basset", "beagle", "bedlington_terrier", "bernese_mountain_dog",
  "black-and-tan_coonhound", "blenheim_spaniel", "bloodhound", "bluetick", "border_collie", "border_terrier",
  "borzoi", "boston_bull", "bouvier_des_flandres", "boxer", "brabancon_griffon", "briard", "brittany_spaniel",
  "bull_mastiff", "cairn", "cardigan", "chesapeake_bay_retriever", "chihuahua", "chow", "clumber", "cocker_spaniel",
  "collie", "curly-coated_retriever", "dandie_dinmont", "dhole", "dingo", "doberman", "english_foxhound",
  "english_setter", "english_springer", "entlebucher", "eskimo_dog", "flat-coated_retriever", "french_bulldog",
  "german_shepherd", "german_short-haired_pointer", "giant_schnauzer", "golden_retriever", "gordon_setter",
  "great_dane", "great_pyrenees", "greater_swiss_mountain_dog", "groenendael", "ibizan_hound", "irish_setter",
  "irish_terrier", "irish_water_spaniel", "irish_wolfhound", "italian_greyhound", "japanese_spaniel", "keeshond",
  "kelpie", "kerry_blue_terrier", "komondor", "kuvasz", "labrador_retriever", "lakeland_terrier", "leonberg",
  "lhasa", "malamute", "malinois", "maltese_dog", "mexican_hairless", "miniature_pinscher", "miniature_poodle",
  "miniature_schnauzer", "newfoundland", "norfolk_terrier", "norwegian_elkhound", "norwich_terrier",
  "old_english_sheepdog", "otterhound", "papillon", "pekinese", "pembroke", "pomeranian", "pug", "redbone",
  "rhodesian_ridgeback", "rottweiler", "saint_bernard", "saluki", "samoyed", "schipperke", "scotch_terrier",
  "scottish_deerhound", "sealyham_terrier", "shetland_sheepdog", "shih-tzu", "siberian_husky", "silky_terrier",
  "soft-coated_wheaten_terrier", "staffordshire_bullterrier", "standard_poodle", "standard_schnauzer",
  "sussex_spaniel", "tibetan_mastiff", "tibetan_terrier", "toy_poodle", "toy_terrier", "vizsla", "walker_hound",
  "weimaraner", "welsh_springer_spaniel", "west_highland_white_terrier", "whippet", "wire-haired_fox_terrier",
  "yorkshire_terrier",
];

export default defineCompetition(
  {
    id: "dog-breed-identification",
    name: "Dog Breed Identification",
    splits: ["low"],
    category: "Image Classification",
    answers: "dog-breed-identification/prepared/private/test.csv",
    sampleSubmission: "dog-breed-identification/prepared/public/sample_submission.csv",
    columns: [{ name: "id", kind: "id" }, ...BREEDS.map((name) => ({ name, kind: "probability" as const, range: [0, 1] as [number, number] }))],
    answersColumns: ["id", ...BREEDS],
    metric: { id: "log-loss" },
    direction: "minimize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "columns restricted to the answers' columns in their order; both sorted by id; the sorted id lists must be equal (else MLE-bench crashes)",
    knownIssues: [
      "Each row's 120 probabilities must sum to 1 within 1.1e-5 (np.isclose with atol 1e-6); Kaggle rescaled rows instead (kaggle mode does)",
      "Probabilities are clipped at float64 epsilon (2.2e-16), not Kaggle's 1e-15, so a confident miss costs about 36.0 instead of 34.5 (kaggle mode uses 1e-15)",
      "Duplicate or unknown ids make MLE-bench's grader fail an assertion (a crash, not an invalid-submission verdict)",
    ],
  },
  (submission, answers, context) => {
    const kaggle = context.mode === "kaggle";
    requireColumns(submission, BREEDS);
    requireColumns(submission, ["id"]);
    const ans = answersTable(answers, ["id", ...BREEDS]);
    requireSameLength(submission, ans);
    const columns = BREEDS.map((name) => submission.col(name));
    const sums = pandasRowSums(submission, columns);
    if (kaggle) requireRowSums(submission, sums, (sum) => sum > 0, "a positive row sum (rows are rescaled)");
    else requireRowSums(submission, sums, iscloseToOne, "probabilities summing to 1 (within 1.1e-5)");
    requireProbabilities(submission, columns);
    const { yTrue, yProb } = oneHotLogLossInputs(submission, ans, "id");
    return logLoss(yTrue, yProb, kaggle ? { eps: 1e-15, normalizeRows: true } : {});
  },
);
