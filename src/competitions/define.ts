/**
 * The shape of a competition definition. Each `src/competitions/<id>.ts` calls
 * {@link defineCompetition} once: declared metadata (checked with zod on first use) plus
 * the grade function, which composes the metric library with the row matching MLE-bench's
 * `grade.py` for that competition performs.
 */
import * as z from "zod/mini";
import { DefinitionError } from "../errors.js";
import type { GradingMode } from "../medals.js";
import type { Frame } from "../table/frame.js";

export const SPLITS = ["low", "medium", "high", "dev"] as const;
export type Split = (typeof SPLITS)[number];
/** Split names users may ask for: `lite` is `low`; `split75` is low ∪ medium ∪ high. */
export type SplitQuery = Split | "lite" | "split75" | "all";

/**
 * What a submission column holds, for validation without answers and for messages:
 * - `id`: the row key;
 * - `probability`: a number in [0, 1];
 * - `number`: any number (`range` narrows it);
 * - `integer`: a whole number (class indices, counts);
 * - `label`: a class label (text or number; `labels` lists the allowed ones where known);
 * - `boolean`: True/False;
 * - `text`: free text (sentences, space-separated token lists);
 * - `rle`: run-length encoded mask (`start length` pairs);
 * - `prediction-string`: structured tokens (boxes, points) described in `format`.
 */
export const columnKindSchema = z.enum(["id", "probability", "number", "integer", "label", "boolean", "text", "rle", "prediction-string"]);
export type ColumnKind = z.infer<typeof columnKindSchema>;

/** Defaults of the column fields that have one (shared by the schema and {@link defineCompetition}). */
const COLUMN_DEFAULTS = { allowEmpty: false, scored: true, unique: true } as const;
/** Defaults of the top-level fields that have one. */
const META_DEFAULTS = { extraColumns: "ignored", rounding: "numpy" } as const;

export const columnSpecSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  kind: columnKindSchema,
  /** Inclusive bounds for numeric kinds. */
  range: z.optional(z.tuple([z.number(), z.number()])),
  /** Allowed labels, where the grader restricts them. */
  labels: z.optional(z.array(z.union([z.string(), z.number(), z.boolean()]))),
  /** Whether an empty cell is acceptable (e.g. an empty mask or an empty prediction list). */
  allowEmpty: z._default(z.boolean(), COLUMN_DEFAULTS.allowEmpty),
  /** For prediction strings: the token layout, e.g. "label conf xmin ymin xmax ymax". */
  format: z.optional(z.string()),
  /** Whether the grader scores this column (false: required but unscored, or optional). */
  scored: z._default(z.boolean(), COLUMN_DEFAULTS.scored),
  /** For id columns: whether each id appears once (false where ids repeat by design, e.g. several rows per recording). */
  unique: z._default(z.boolean(), COLUMN_DEFAULTS.unique),
});
export type ColumnSpec = z.input<typeof columnSpecSchema>;

export const competitionMetaSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/)),
  name: z.string().check(z.minLength(1)),
  splits: z.array(z.enum(SPLITS)).check(z.minLength(1)),
  /** Kaggle category (the README's for Lite competitions, our label for the others). */
  category: z.optional(z.string()),
  /** Answers file in MLE-bench's prepared data layout, relative to the data dir. */
  answers: z.string().check(z.regex(/^[^/].*\/prepared\/private\/.+\.(csv|jsonl)$/)),
  /** Sample submission in the same layout (config.yaml's path; text-normalization keeps it in private/). */
  sampleSubmission: z.string().check(z.regex(/\/prepared\/(public|private)\/.+\.csv$/)),
  /** Submission columns as the grader reads them, in the expected order. */
  columns: z.array(columnSpecSchema).check(z.minLength(1)),
  /** Whether columns beyond `columns` are ignored or rejected. */
  extraColumns: z._default(z.enum(["ignored", "rejected"]), META_DEFAULTS.extraColumns),
  /** Columns of the answers file the grader reads. */
  answersColumns: z.array(z.string()).check(z.minLength(1)),
  /** Metric id (see `mlegrade/metrics`) and the options the grader uses. */
  metric: z.strictObject({ id: z.string(), options: z._default(z.record(z.string(), z.unknown()), {}) }),
  direction: z.enum(["maximize", "minimize"]),
  /** Kaggle awarded medals (MLE-bench's `awards_medals`); honoured in `kaggle` mode only. */
  awardsMedals: z.boolean(),
  /** Which `round(score, 5)` MLE-bench applies, by the type the grader returns. */
  rounding: z._default(z.enum(["numpy", "python", "int"]), META_DEFAULTS.rounding),
  /** How rows are matched, in one line (shown by `mlegrade list` and the docs). */
  rowMatching: z.string().check(z.minLength(1)),
  /** MLE-bench behaviours that a user may not expect (reproduced in `mlebench` mode). */
  knownIssues: z._default(z.array(z.string()), []),
});

export type CompetitionMeta = z.output<typeof competitionMetaSchema>;
export type CompetitionMetaInput = z.input<typeof competitionMetaSchema>;

/** One JSON object per line, for the competitions whose answers are JSONL. */
export type JsonRecord = Record<string, unknown>;
export type Answers = Frame | JsonRecord[];

export interface GradeContext {
  mode: GradingMode;
}

/**
 * Grades a parsed submission against the answers and returns the raw score (NaN allowed where
 * MLE-bench reports NaN as a valid score). Throws SubmissionError when the submission is rejected
 * and MetricError when the metric cannot be computed.
 */
export type GradeFunction = (submission: Frame, answers: Answers, context: GradeContext) => number;

export interface CompetitionDefinition extends CompetitionMeta {
  grade: GradeFunction;
}

/**
 * Attaches the grade function to the metadata, with the schema's defaults filled in. The metadata
 * is checked against {@link competitionMetaSchema} on first use ({@link checkCompetition}), not
 * here: checking all the built-in definitions whenever the library loads would cost the CLI's
 * start-up several milliseconds (the registry test checks every one of them).
 */
export function defineCompetition(meta: CompetitionMetaInput, grade: GradeFunction): CompetitionDefinition {
  const definition = { ...withDefaults(meta), grade };
  unchecked.add(definition);
  return definition;
}

const unchecked = new WeakSet<CompetitionDefinition>();

/** The definition, once its metadata passed the schema; throws DefinitionError otherwise. */
export function checkCompetition(definition: CompetitionDefinition): CompetitionDefinition {
  if (!unchecked.has(definition)) return definition;
  const { grade: _grade, ...meta } = definition;
  const parsed = z.safeParse(competitionMetaSchema, meta);
  if (!parsed.success) {
    const where = typeof meta === "object" && meta && "id" in meta ? String(meta.id) : "competition";
    const issues = parsed.error.issues.map((issue) => ({
      code: "INVALID_DEFINITION" as const,
      message: `${where}: ${issue.path.join(".")}: ${issue.message}`,
    }));
    throw new DefinitionError(`invalid competition definition ${where}: ${issues.map((i) => i.message).join("; ")}`, issues);
  }
  unchecked.delete(definition);
  return definition;
}

/** The schema's defaults, filled in without parsing (malformed input is left for the schema to reject). */
function withDefaults(meta: CompetitionMetaInput): CompetitionMeta {
  const columns = Array.isArray(meta.columns) ? meta.columns.map((column) => (typeof column === "object" && column ? filled(column, COLUMN_DEFAULTS) : column)) : meta.columns;
  const metric = typeof meta.metric === "object" && meta.metric ? { ...meta.metric, options: meta.metric.options ?? {} } : meta.metric;
  return { ...filled(meta, META_DEFAULTS), columns, metric, knownIssues: meta.knownIssues ?? [] } as CompetitionMeta;
}

/** The object with each absent (or undefined) default-bearing field set to its default. */
function filled<T extends object>(value: T, defaults: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, fallback] of Object.entries(defaults)) out[key] ??= fallback;
  return out as T;
}

/** The splits a query names. */
export function splitsOf(query: SplitQuery): readonly Split[] {
  switch (query) {
    case "lite":
      return ["low"];
    case "split75":
      return ["low", "medium", "high"];
    case "all":
      return SPLITS;
    default:
      return [query];
  }
}
