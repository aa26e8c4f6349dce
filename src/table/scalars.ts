/**
 * Scalar conventions of pandas and Python that graders depend on: which cell texts are missing
 * values, which are numbers or booleans, and how Python prints a float (`str(x)` / `astype(str)`).
 */

/**
 * Cell texts that `pandas.read_csv` reads as NaN by default (pandas 2.x; `None` joined the list in
 * pandas 2.0). Matching is exact and case-sensitive: `Nan` and ` NA` stay text.
 */
export const PANDAS_NA_VALUES: ReadonlySet<string> = new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
]);

// Booleans and floats as pandas types them live in dtype.ts, with the column typing.
export { parseBool, parseFloatText } from "./dtype.js";

/** ASCII whitespace as pandas' C parser skips it around numbers: space, \t, \n, \v, \f, \r (not \xa0 or \x1c). */
const INT_PATTERN = /^[ \t\n\v\f\r]*[+-]?\d+[ \t\n\v\f\r]*$/;

/** Whether pandas' integer conversion accepts the text (digits with an optional sign and blanks around). */
export function isIntegerText(text: string): boolean {
  return INT_PATTERN.test(text);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Range class of an integer text: int64, uint64 (only non-negative values above int64), or too big. */
export function integerRange(text: string): "int64" | "uint64" | "overflow" {
  const trimmed = text.trim();
  const digits = trimmed.replace(/^[+-]/, "").replace(/^0+(?=\d)/, "");
  if (digits.length < 18) return "int64";
  const value = BigInt(trimmed);
  if (value >= INT64_MIN && value <= INT64_MAX) return "int64";
  if (value > 0n && value <= UINT64_MAX) return "uint64";
  return "overflow";
}

/**
 * Python's `repr(float)` / `str(float)`: the shortest round-tripping digits (as JavaScript's), in
 * fixed notation when the decimal exponent is in [-4, 16), else scientific with a signed exponent
 * of at least two digits; integral values keep a `.0`.
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const exponential = value.toExponential();
  const [mantissa, expText] = exponential.split("e") as [string, string];
  const exponent = Number(expText);
  if (exponent >= -4 && exponent < 16) {
    const fixed = exponent < 0 ? toFixedNoExponent(value) : String(value);
    return /[.e]/.test(fixed) ? fixed : `${fixed}.0`;
  }
  const sign = exponent < 0 ? "-" : "+";
  const abs = Math.abs(exponent);
  return `${mantissa}e${sign}${abs < 10 ? "0" : ""}${abs}`;
}

function toFixedNoExponent(value: number): string {
  // JavaScript prints 1e-7 and below in exponent form; Python switches at 1e-5, which String() covers
  // down to 1e-6. Build the fixed form from the shortest digits so no digit is invented.
  const text = String(value);
  if (!text.includes("e")) return text;
  const negative = value < 0;
  const [mantissa, expText] = Math.abs(value).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const exponent = Number(expText);
  return `${negative ? "-" : ""}0.${"0".repeat(-exponent - 1)}${digits}`;
}

const PY_DIGITS = String.raw`\d(?:_?\d)*`;
const PY_FLOAT_PATTERN = new RegExp(
  String.raw`^[+-]?(?:${PY_DIGITS}\.(?:${PY_DIGITS})?|(?:${PY_DIGITS})?\.${PY_DIGITS}|${PY_DIGITS})(?:[eE][+-]?${PY_DIGITS})?$`,
);
const PY_SPECIAL_PATTERN = /^[+-]?(?:inf|infinity|nan)$/i;

/**
 * Python's `float(text)`, which numpy applies when it converts text cells (`astype(float)`,
 * scikit-learn's `check_array`): surrounding whitespace is ignored, digits may be grouped with
 * single underscores, and `inf`, `infinity` and `nan` are accepted in any case. Undefined when
 * Python raises ValueError.
 */
export function pythonFloat(text: string): number | undefined {
  const trimmed = asciiDigits(text).replace(PY_WHITESPACE_EDGES, "");
  if (PY_FLOAT_PATTERN.test(trimmed)) return Number(trimmed.replaceAll("_", ""));
  if (PY_SPECIAL_PATTERN.test(trimmed)) {
    const negative = trimmed.startsWith("-");
    if (/nan$/i.test(trimmed)) return NaN;
    return negative ? -Infinity : Infinity;
  }
  return undefined;
}

const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * The value of a Unicode decimal digit (category Nd). Unicode allocates decimal digits in
 * contiguous runs that start at zero, so the value is the distance to the start of the run, modulo 10.
 */
export function unicodeDigitValue(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 48 && code <= 57) return code - 48;
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

/** Unicode decimal digits replaced by ASCII ones, as Python's `float()` and `int()` read them (`"١٢"` is 12). */
export function asciiDigits(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.replace(NON_ASCII_DIGIT, (char) => String(unicodeDigitValue(char))) : text;
}

/** Characters Python's `str.split()` and `str.strip()` treat as whitespace. */
export const PY_WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
const PY_WHITESPACE_EDGES = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, "g");
const PY_WHITESPACE_RUN = new RegExp(`[${PY_WHITESPACE}]+`);

/** Python's `str.split()` with no argument: split on runs of Unicode whitespace, drop empty strings. */
export function pythonSplit(text: string): string[] {
  return text.split(PY_WHITESPACE_RUN).filter((token) => token.length > 0);
}

/** Python `str()` of a cell as pandas holds it (ints print without a decimal point). */
export function pythonStr(value: number | string | boolean, isInteger = false): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (isInteger && Number.isFinite(value)) return String(value) === "-0" ? "0" : BigInt(value).toString();
  return pythonFloatRepr(value);
}

/** Compares strings by Unicode code point, as Python does (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (0xD800-0xDFFF) encode code points above 0xFFFF, so they sort after 0xE000-0xFFFF.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? (y >= 0xe000 ? 1 : x - y) : x >= 0xe000 ? -1 : x - y;
      return x - y;
    }
  }
  return a.length - b.length;
}
