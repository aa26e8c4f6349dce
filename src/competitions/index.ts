/**
 * The competition registry: every definition file named explicitly. `test/competitions/registry.test.ts`
 * fails when a file in this folder is missing from the list.
 */
import { UnknownCompetitionError, nearestNames } from "../errors.js";
import type { CompetitionDefinition, SplitQuery } from "./define.js";
import { splitsOf } from "./define.js";
import champsScalarCoupling from "./champs-scalar-coupling.js";
import dogBreedIdentification from "./dog-breed-identification.js";
import dogsVsCatsReduxKernelsEdition from "./dogs-vs-cats-redux-kernels-edition.js";
import hmsHarmfulBrainActivityClassification from "./hms-harmful-brain-activity-classification.js";
import leafClassification from "./leaf-classification.js";
import lmsysChatbotArena from "./lmsys-chatbot-arena.js";
import rsna2022CervicalSpineFractureDetection from "./rsna-2022-cervical-spine-fracture-detection.js";
import rsnaBreastCancerDetection from "./rsna-breast-cancer-detection.js";
import spaceshipTitanic from "./spaceship-titanic.js";
import spookyAuthorIdentification from "./spooky-author-identification.js";
import statoilIcebergClassifierChallenge from "./statoil-iceberg-classifier-challenge.js";

export const COMPETITIONS: readonly CompetitionDefinition[] = [
  champsScalarCoupling,
  dogBreedIdentification,
  dogsVsCatsReduxKernelsEdition,
  hmsHarmfulBrainActivityClassification,
  leafClassification,
  lmsysChatbotArena,
  rsna2022CervicalSpineFractureDetection,
  rsnaBreastCancerDetection,
  spaceshipTitanic,
  spookyAuthorIdentification,
  statoilIcebergClassifierChallenge,
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
