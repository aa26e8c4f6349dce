/** Number formatting for human-readable CLI output. */

/** A number with at most `digits` decimals, trailing zeros removed; NaN and infinities spelled out. */
export function formatNumber(value: number, digits = 5): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  const fixed = value.toFixed(digits);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}
