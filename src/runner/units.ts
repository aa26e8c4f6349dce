/** Parsing of the CLI's durations (`24h`, `90m`, `1h30m`, `45s`, `3600`) and sizes (`16g`, `512MiB`). */
import { UsageError } from "../errors.js";

const DURATION_UNITS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };

/** Seconds in a duration such as `24h`, `1h30m`, `90m`, `45s` or a plain number of seconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== trimmed) {
    throw new UsageError(`expected a duration such as 24h, 90m, 1h30m or 45s, got ${JSON.stringify(text)}`);
  }
  return parts.reduce((total, [, value, unit]) => total + Number(value) * DURATION_UNITS[unit!]!, 0);
}

const SIZE_UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, kb: 1000, kib: 1024, m: 1024 ** 2, mb: 1000 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1000 ** 3, gib: 1024 ** 3, t: 1024 ** 4, tb: 1000 ** 4, tib: 1024 ** 4 };

/** Bytes in a size such as `16g` (Docker's binary units), `512MiB`, `2GB` or a plain number of bytes. */
export function parseSize(text: string): number {
  const match = text.trim().toLowerCase().match(/^(\d+(?:\.\d+)?)\s*([a-z]*)$/);
  const unit = match ? SIZE_UNITS[match[2]!] : undefined;
  if (!match || unit === undefined) throw new UsageError(`expected a size such as 16g, 512MiB or 2GB, got ${JSON.stringify(text)}`);
  return Math.round(Number(match[1]) * unit);
}
