/**
 * The competition registry: every definition file named explicitly. `test/competitions/registry.test.ts`
 * fails when a file in this folder is missing from the list.
 */
import { UnknownCompetitionError, nearestNames } from "../errors.js";
import type { CompetitionDefinition, SplitQuery } from "./define.js";
import { splitsOf } from "./define.js";
import champsScalarCoupling from "./champs-scalar-coupling.js";
import spaceshipTitanic from "./spaceship-titanic.js";

export const COMPETITIONS: readonly CompetitionDefinition[] = [champsScalarCoupling, spaceshipTitanic].sort((a, b) =>
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
