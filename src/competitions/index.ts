/**
 * The competition registry: every definition file named explicitly. `test/competitions/registry.test.ts`
 * fails when a file in this folder is missing from the list.
 */
import { UnknownCompetitionError, nearestNames } from "../errors.js";
import type { CompetitionDefinition, SplitQuery } from "./define.js";
import { splitsOf } from "./define.js";
import ai4Code from "./AI4Code.js";
import champsScalarCoupling from "./champs-scalar-coupling.js";
import denoisingDirtyDocuments from "./denoising-dirty-documents.js";
import googleQuestChallenge from "./google-quest-challenge.js";
import icecubeNeutrinosInDeepIce from "./icecube-neutrinos-in-deep-ice.js";
import newYorkCityTaxiFarePrediction from "./new-york-city-taxi-fare-prediction.js";
import nomad2018PredictTransparentConductors from "./nomad2018-predict-transparent-conductors.js";
import osicPulmonaryFibrosisProgression from "./osic-pulmonary-fibrosis-progression.js";
import petfinderPawpularityScore from "./petfinder-pawpularity-score.js";
import predictVolcanicEruptionsIngvOe from "./predict-volcanic-eruptions-ingv-oe.js";
import smartphoneDecimeter2022 from "./smartphone-decimeter-2022.js";
import spaceshipTitanic from "./spaceship-titanic.js";
import stanfordCovidVaccine from "./stanford-covid-vaccine.js";
import usPatentPhraseToPhraseMatching from "./us-patent-phrase-to-phrase-matching.js";
import ventilatorPressurePrediction from "./ventilator-pressure-prediction.js";

export const COMPETITIONS: readonly CompetitionDefinition[] = [
  ai4Code,
  champsScalarCoupling,
  denoisingDirtyDocuments,
  googleQuestChallenge,
  icecubeNeutrinosInDeepIce,
  newYorkCityTaxiFarePrediction,
  nomad2018PredictTransparentConductors,
  osicPulmonaryFibrosisProgression,
  petfinderPawpularityScore,
  predictVolcanicEruptionsIngvOe,
  smartphoneDecimeter2022,
  spaceshipTitanic,
  stanfordCovidVaccine,
  usPatentPhraseToPhraseMatching,
  ventilatorPressurePrediction,
].sort((a, b) =>
  a.id.localeCompare(b.id, "en"),
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
