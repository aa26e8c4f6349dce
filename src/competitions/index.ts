/**
 * The competition registry: every definition file named explicitly. `test/competitions/registry.test.ts`
 * fails when a file in this folder is missing from the list.
 */
import { UnknownCompetitionError, nearestNames } from "../errors.js";
import type { CompetitionDefinition, SplitQuery } from "./define.js";
import { splitsOf } from "./define.js";
import threeDObjectDetectionForAutonomousVehicles from "./3d-object-detection-for-autonomous-vehicles.js";
import champsScalarCoupling from "./champs-scalar-coupling.js";
import kuzushijiRecognition from "./kuzushiji-recognition.js";
import siimCovid19Detection from "./siim-covid19-detection.js";
import spaceshipTitanic from "./spaceship-titanic.js";
import vinbigdataChestXrayAbnormalitiesDetection from "./vinbigdata-chest-xray-abnormalities-detection.js";

export const COMPETITIONS: readonly CompetitionDefinition[] = [
  threeDObjectDetectionForAutonomousVehicles,
  champsScalarCoupling,
  kuzushijiRecognition,
  siimCovid19Detection,
  spaceshipTitanic,
  vinbigdataChestXrayAbnormalitiesDetection,
].sort((a, b) => a.id.localeCompare(b.id, "en"));

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
