/**
 * JSON for reports: non-finite numbers, which JSON cannot carry, are written as the strings
 * "NaN", "Infinity" and "-Infinity" (the CLI contract), everything else as is.
 */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Infinity) return "Infinity";
    if (value === -Infinity) return "-Infinity";
    return value;
  }
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = toJsonValue(inner);
    return out;
  }
  return value;
}

/** `JSON.stringify` with non-finite numbers kept as strings. */
export function stringifyReport(value: unknown, indent = 2): string {
  return JSON.stringify(toJsonValue(value), null, indent);
}
