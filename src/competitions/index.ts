/**
 * The competition registry: every definition file named explicitly. `test/competitions/registry.test.ts`
 * fails when a file in this folder is missing from the list.
 */
import { UnknownCompetitionError, nearestNames } from "../errors.js";
import type { CompetitionDefinition, SplitQuery } from "./define.js";
import { splitsOf } from "./define.js";
import champsScalarCoupling from "./champs-scalar-coupling.js";
import googleResearchIdentifyContrailsReduceGlobalWarming from "./google-research-identify-contrails-reduce-global-warming.js";
import hubmapKidneySegmentation from "./hubmap-kidney-segmentation.js";
import spaceshipTitanic from "./spaceship-titanic.js";
import tgsSaltIdentificationChallenge from "./tgs-salt-identification-challenge.js";
import uwMadisonGiTractImageSegmentation from "./uw-madison-gi-tract-image-segmentation.js";
import vesuviusChallengeInkDetection from "./vesuvius-challenge-ink-detection.js";

export const COMPETITIONS: readonly CompetitionDefinition[] = [
  champsScalarCoupling,
  googleResearchIdentifyContrailsReduceGlobalWarming,
  hubmapKidneySegmentation,
  spaceshipTitanic,
  tgsSaltIdentificationChallenge,
  uwMadisonGiTractImageSegmentation,
  vesuviusChallengeInkDetection,
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
