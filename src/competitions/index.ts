/**
 * The competition registry: every definition file named explicitly. `test/competitions/registry.test.ts`
 * fails when a file in this folder is missing from the list.
 */
import { UnknownCompetitionError, nearestNames } from "../errors.js";
import type { CompetitionDefinition, SplitQuery } from "./define.js";
import { splitsOf } from "./define.js";
import threeDObjectDetectionForAutonomousVehicles from "./3d-object-detection-for-autonomous-vehicles.js";
import ai4Code from "./AI4Code.js";
import aerialCactusIdentification from "./aerial-cactus-identification.js";
import alaska2ImageSteganalysis from "./alaska2-image-steganalysis.js";
import aptos2019BlindnessDetection from "./aptos2019-blindness-detection.js";
import billionWordImputation from "./billion-word-imputation.js";
import bmsMolecularTranslation from "./bms-molecular-translation.js";
import cassavaLeafDiseaseClassification from "./cassava-leaf-disease-classification.js";
import cdiscountImageClassificationChallenge from "./cdiscount-image-classification-challenge.js";
import chaiiHindiAndTamilQuestionAnswering from "./chaii-hindi-and-tamil-question-answering.js";
import champsScalarCoupling from "./champs-scalar-coupling.js";
import denoisingDirtyDocuments from "./denoising-dirty-documents.js";
import detectingInsultsInSocialCommentary from "./detecting-insults-in-social-commentary.js";
import dogBreedIdentification from "./dog-breed-identification.js";
import dogsVsCatsReduxKernelsEdition from "./dogs-vs-cats-redux-kernels-edition.js";
import facebookRecruitingIiiKeywordExtraction from "./facebook-recruiting-iii-keyword-extraction.js";
import freesoundAudioTagging2019 from "./freesound-audio-tagging-2019.js";
import googleQuestChallenge from "./google-quest-challenge.js";
import googleResearchIdentifyContrailsReduceGlobalWarming from "./google-research-identify-contrails-reduce-global-warming.js";
import hAndMPersonalizedFashionRecommendations from "./h-and-m-personalized-fashion-recommendations.js";
import herbarium2020Fgvc7 from "./herbarium-2020-fgvc7.js";
import herbarium2021Fgvc8 from "./herbarium-2021-fgvc8.js";
import herbarium2022Fgvc9 from "./herbarium-2022-fgvc9.js";
import histopathologicCancerDetection from "./histopathologic-cancer-detection.js";
import hmsHarmfulBrainActivityClassification from "./hms-harmful-brain-activity-classification.js";
import hotelId2021Fgvc8 from "./hotel-id-2021-fgvc8.js";
import hubmapKidneySegmentation from "./hubmap-kidney-segmentation.js";
import icecubeNeutrinosInDeepIce from "./icecube-neutrinos-in-deep-ice.js";
import imet2020Fgvc7 from "./imet-2020-fgvc7.js";
import inaturalist2019Fgvc6 from "./inaturalist-2019-fgvc6.js";
import invasiveSpeciesMonitoring from "./invasive-species-monitoring.js";
import iwildcam2019Fgvc6 from "./iwildcam-2019-fgvc6.js";
import iwildcam2020Fgvc7 from "./iwildcam-2020-fgvc7.js";
import jigsawToxicCommentClassificationChallenge from "./jigsaw-toxic-comment-classification-challenge.js";
import jigsawUnintendedBiasInToxicityClassification from "./jigsaw-unintended-bias-in-toxicity-classification.js";
import kuzushijiRecognition from "./kuzushiji-recognition.js";
import leafClassification from "./leaf-classification.js";
import learningAgencyLabAutomatedEssayScoring2 from "./learning-agency-lab-automated-essay-scoring-2.js";
import lmsysChatbotArena from "./lmsys-chatbot-arena.js";
import ml2021springHw2 from "./ml2021spring-hw2.js";
import mlsp2013Birds from "./mlsp-2013-birds.js";
import movieReviewSentimentAnalysisKernelsOnly from "./movie-review-sentiment-analysis-kernels-only.js";
import multiModalGestureRecognition from "./multi-modal-gesture-recognition.js";
import newYorkCityTaxiFarePrediction from "./new-york-city-taxi-fare-prediction.js";
import nflPlayerContactDetection from "./nfl-player-contact-detection.js";
import nomad2018PredictTransparentConductors from "./nomad2018-predict-transparent-conductors.js";
import osicPulmonaryFibrosisProgression from "./osic-pulmonary-fibrosis-progression.js";
import paddyDiseaseClassification from "./paddy-disease-classification.js";
import petfinderPawpularityScore from "./petfinder-pawpularity-score.js";
import plantPathology2020Fgvc7 from "./plant-pathology-2020-fgvc7.js";
import plantPathology2021Fgvc8 from "./plant-pathology-2021-fgvc8.js";
import plantSeedlingsClassification from "./plant-seedlings-classification.js";
import playgroundSeriesS3e18 from "./playground-series-s3e18.js";
import predictVolcanicEruptionsIngvOe from "./predict-volcanic-eruptions-ingv-oe.js";
import randomActsOfPizza from "./random-acts-of-pizza.js";
import ranzcrClipCatheterLineClassification from "./ranzcr-clip-catheter-line-classification.js";
import rsna2022CervicalSpineFractureDetection from "./rsna-2022-cervical-spine-fracture-detection.js";
import rsnaBreastCancerDetection from "./rsna-breast-cancer-detection.js";
import rsnaMiccaiBrainTumorRadiogenomicClassification from "./rsna-miccai-brain-tumor-radiogenomic-classification.js";
import setiBreakthroughListen from "./seti-breakthrough-listen.js";
import siimCovid19Detection from "./siim-covid19-detection.js";
import siimIsicMelanomaClassification from "./siim-isic-melanoma-classification.js";
import smartphoneDecimeter2022 from "./smartphone-decimeter-2022.js";
import spaceshipTitanic from "./spaceship-titanic.js";
import spookyAuthorIdentification from "./spooky-author-identification.js";
import stanfordCovidVaccine from "./stanford-covid-vaccine.js";
import statoilIcebergClassifierChallenge from "./statoil-iceberg-classifier-challenge.js";
import tabularPlaygroundSeriesDec2021 from "./tabular-playground-series-dec-2021.js";
import tabularPlaygroundSeriesMay2022 from "./tabular-playground-series-may-2022.js";
import tensorflowSpeechRecognitionChallenge from "./tensorflow-speech-recognition-challenge.js";
import tensorflow2QuestionAnswering from "./tensorflow2-question-answering.js";
import textNormalizationChallengeEnglishLanguage from "./text-normalization-challenge-english-language.js";
import textNormalizationChallengeRussianLanguage from "./text-normalization-challenge-russian-language.js";
import tgsSaltIdentificationChallenge from "./tgs-salt-identification-challenge.js";
import theIcml2013WhaleChallengeRightWhaleRedux from "./the-icml-2013-whale-challenge-right-whale-redux.js";
import tweetSentimentExtraction from "./tweet-sentiment-extraction.js";
import usPatentPhraseToPhraseMatching from "./us-patent-phrase-to-phrase-matching.js";
import uwMadisonGiTractImageSegmentation from "./uw-madison-gi-tract-image-segmentation.js";
import ventilatorPressurePrediction from "./ventilator-pressure-prediction.js";
import vesuviusChallengeInkDetection from "./vesuvius-challenge-ink-detection.js";
import vinbigdataChestXrayAbnormalitiesDetection from "./vinbigdata-chest-xray-abnormalities-detection.js";
import whaleCategorizationPlayground from "./whale-categorization-playground.js";

export const COMPETITIONS: readonly CompetitionDefinition[] = [
  threeDObjectDetectionForAutonomousVehicles,
  ai4Code,
  aerialCactusIdentification,
  alaska2ImageSteganalysis,
  aptos2019BlindnessDetection,
  billionWordImputation,
  bmsMolecularTranslation,
  cassavaLeafDiseaseClassification,
  cdiscountImageClassificationChallenge,
  chaiiHindiAndTamilQuestionAnswering,
  champsScalarCoupling,
  denoisingDirtyDocuments,
  detectingInsultsInSocialCommentary,
  dogBreedIdentification,
  dogsVsCatsReduxKernelsEdition,
  facebookRecruitingIiiKeywordExtraction,
  freesoundAudioTagging2019,
  googleQuestChallenge,
  googleResearchIdentifyContrailsReduceGlobalWarming,
  hAndMPersonalizedFashionRecommendations,
  herbarium2020Fgvc7,
  herbarium2021Fgvc8,
  herbarium2022Fgvc9,
  histopathologicCancerDetection,
  hmsHarmfulBrainActivityClassification,
  hotelId2021Fgvc8,
  hubmapKidneySegmentation,
  icecubeNeutrinosInDeepIce,
  imet2020Fgvc7,
  inaturalist2019Fgvc6,
  invasiveSpeciesMonitoring,
  iwildcam2019Fgvc6,
  iwildcam2020Fgvc7,
  jigsawToxicCommentClassificationChallenge,
  jigsawUnintendedBiasInToxicityClassification,
  kuzushijiRecognition,
  leafClassification,
  learningAgencyLabAutomatedEssayScoring2,
  lmsysChatbotArena,
  ml2021springHw2,
  mlsp2013Birds,
  movieReviewSentimentAnalysisKernelsOnly,
  multiModalGestureRecognition,
  newYorkCityTaxiFarePrediction,
  nflPlayerContactDetection,
  nomad2018PredictTransparentConductors,
  osicPulmonaryFibrosisProgression,
  paddyDiseaseClassification,
  petfinderPawpularityScore,
  plantPathology2020Fgvc7,
  plantPathology2021Fgvc8,
  plantSeedlingsClassification,
  playgroundSeriesS3e18,
  predictVolcanicEruptionsIngvOe,
  randomActsOfPizza,
  ranzcrClipCatheterLineClassification,
  rsna2022CervicalSpineFractureDetection,
  rsnaBreastCancerDetection,
  rsnaMiccaiBrainTumorRadiogenomicClassification,
  setiBreakthroughListen,
  siimCovid19Detection,
  siimIsicMelanomaClassification,
  smartphoneDecimeter2022,
  spaceshipTitanic,
  spookyAuthorIdentification,
  stanfordCovidVaccine,
  statoilIcebergClassifierChallenge,
  tabularPlaygroundSeriesDec2021,
  tabularPlaygroundSeriesMay2022,
  tensorflowSpeechRecognitionChallenge,
  tensorflow2QuestionAnswering,
  textNormalizationChallengeEnglishLanguage,
  textNormalizationChallengeRussianLanguage,
  tgsSaltIdentificationChallenge,
  theIcml2013WhaleChallengeRightWhaleRedux,
  tweetSentimentExtraction,
  usPatentPhraseToPhraseMatching,
  uwMadisonGiTractImageSegmentation,
  ventilatorPressurePrediction,
  vesuviusChallengeInkDetection,
  vinbigdataChestXrayAbnormalitiesDetection,
  whaleCategorizationPlayground,
].sort((a, b) =>
  // Code-point order, as Python sorts ids (MLE-bench's split files are in this order).
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

const byId = new Map(COMPETITIONS.map((c) => [c.id, c]));

/** The competition with this id; throws UnknownCompetitionError (code UNKNOWN_COMPETITION) with suggestions. */
export function getCompetition(id: string): CompetitionDefinition {
  const competition = byId.get(id);
  if (!competition) throw new UnknownCompetitionError(id, nearestNames(id, byId.keys()));
  return competition;
}

/** Registered competitions, optionally only those of a split (`lite` = `low`; `split75` = low ∪ medium ∪ high). */
export function listCompetitions(split?: SplitQuery): CompetitionDefinition[] {
  if (!split) return [...COMPETITIONS];
  const wanted = new Set(splitsOf(split));
  return COMPETITIONS.filter((c) => c.splits.some((s) => wanted.has(s)));
}
