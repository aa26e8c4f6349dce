/**
 * Synthetic benchmark data: deterministic, realistic-looking answers and submissions for each
 * benchmarked competition, written as CSV into a cache folder under os.tmpdir() (never into the
 * repository). A case's files are generated once per size and reused by later runs.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Bump when a generator changes, so cached files are regenerated. */
export const DATA_VERSION = 2;

/** mulberry32: a small, fast, seeded generator of uniform doubles in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(r) {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

const HEX = "0123456789abcdef";
function hex(r, length) {
  let s = "";
  for (let i = 0; i < length; i++) s += HEX[(r() * 16) | 0];
  return s;
}

/** Buffered line writer. */
class CsvWriter {
  constructor(path) {
    this.fd = openSync(path, "w");
    this.parts = [];
    this.size = 0;
    this.bytes = 0;
  }
  line(text) {
    this.parts.push(text);
    this.size += text.length + 1;
    if (this.size > 1 << 22) this.flush();
  }
  flush() {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join("\n") + "\n";
    this.bytes += writeSync(this.fd, chunk);
    this.parts = [];
    this.size = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

function writers(dir) {
  return { answers: new CsvWriter(join(dir, "answers.csv")), submission: new CsvWriter(join(dir, "submission.csv")) };
}

function pad(n, width) {
  return String(n).padStart(width, "0");
}

/** A probability printed as pandas' to_csv prints a float64 (shortest round-trip digits). */
function prob(x) {
  return String(Math.min(1, Math.max(0, x)));
}

function sigmoid(x) {
  return 1 / (1 + Math.exp(-x));
}

/** new-york-city-taxi-fare-prediction: text keys (a timestamp with nanoseconds), fares with cents, predictions in full precision. */
function taxiRow(i) {
  const r = rng(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b));
  const start = Date.UTC(2009, 0, 1);
  const span = Date.UTC(2015, 5, 30) - start;
  const stamp = new Date(start + Math.floor((r() * span) / 1000) * 1000).toISOString();
  const key = `${stamp.slice(0, 10)} ${stamp.slice(11, 19)}.${pad(i, 9)}`;
  const fare = Math.round((2.5 + Math.exp(1.5 + 0.8 * normal(r))) * 100) / 100;
  const predicted = Math.max(0, fare + 3 * normal(r));
  return { key, fare, predicted };
}

function taxiFiles(n, dir, shuffled) {
  const w = writers(dir);
  w.answers.line("key,fare_amount");
  w.submission.line("key,fare_amount");
  for (let i = 0; i < n; i++) {
    const { key, fare } = taxiRow(i);
    w.answers.line(`${key},${fare}`);
  }
  // The submission lists the same rows, in the answers' order or in an order unrelated to it.
  const step = coprimeStep(n);
  for (let k = 0; k < n; k++) {
    const { key, predicted } = taxiRow(shuffled ? (k * step + 12345) % n : k);
    w.submission.line(`${key},${predicted}`);
  }
  w.answers.close();
  w.submission.close();
}

/** A step whose multiples visit every residue mod n (an affine shuffle). */
function coprimeStep(n) {
  const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
  let step = Math.floor(n * 0.618034) | 1;
  while (gcd(step, n) !== 1) step += 2;
  return step;
}

function taxi(n, dir) {
  taxiFiles(n, dir, false);
}

function taxiShuffled(n, dir) {
  taxiFiles(n, dir, true);
}

/** tabular-playground-series-may-2022: integer ids, 0/1 labels, probabilities in full precision. */
function tpsMay(n, dir) {
  const r = rng(2);
  const w = writers(dir);
  w.answers.line("id,target");
  w.submission.line("id,target");
  for (let i = 0; i < n; i++) {
    const id = 900000 + i;
    const label = r() < 0.49 ? 1 : 0;
    w.answers.line(`${id},${label}`);
    w.submission.line(`${id},${prob(sigmoid((label ? 1.2 : -1.2) + 1.5 * normal(r)))}`);
  }
  w.answers.close();
  w.submission.close();
}

export const BREEDS_COUNT = 120;

/** dog-breed-identification: hex ids, one-hot answers over 120 breeds, softmax probabilities. */
async function dogBreed(n, dir) {
  const { default: competition } = await import("../../dist/index.js").then((m) => ({ default: m.getCompetition("dog-breed-identification") }));
  const breeds = competition.answersColumns.slice(1);
  const r = rng(3);
  const w = writers(dir);
  w.answers.line(["id", ...breeds].join(","));
  w.submission.line(["id", ...breeds].join(","));
  const logits = new Float64Array(breeds.length);
  const oneHot = new Array(breeds.length).fill("0");
  const probs = new Array(breeds.length);
  for (let i = 0; i < n; i++) {
    const id = hex(r, 32);
    const label = (r() * breeds.length) | 0;
    oneHot[label] = "1";
    w.answers.line(`${id},${oneHot.join(",")}`);
    oneHot[label] = "0";
    let sum = 0;
    for (let j = 0; j < breeds.length; j++) {
      logits[j] = Math.exp(normal(r) + (j === label ? 3 : 0));
      sum += logits[j];
    }
    for (let j = 0; j < breeds.length; j++) probs[j] = String(logits[j] / sum);
    w.submission.line(`${id},${probs.join(",")}`);
  }
  w.answers.close();
  w.submission.close();
}

const COUPLING_TYPES = [
  ["3JHC", 0.32, 3.2, 3],
  ["2JHC", 0.24, -0.3, 4],
  ["1JHC", 0.15, 94.9, 18],
  ["3JHH", 0.13, 4.8, 3.7],
  ["2JHH", 0.08, -10.3, 3.6],
  ["3JHN", 0.04, 0.9, 1.3],
  ["2JHN", 0.03, 3.1, 3.7],
  ["1JHN", 0.01, 47.5, 11],
];

/** champs-scalar-coupling: integer ids, the answers' molecule and atom columns, 8 coupling types. */
function champs(n, dir) {
  const r = rng(4);
  const w = writers(dir);
  w.answers.line("id,molecule_name,atom_index_0,atom_index_1,type,scalar_coupling_constant");
  w.submission.line("id,scalar_coupling_constant");
  let molecule = 1;
  for (let i = 0; i < n; i++) {
    if (r() < 0.05) molecule += 1 + ((r() * 3) | 0);
    let u = r();
    let t = 0;
    while (t < COUPLING_TYPES.length - 1 && u >= COUPLING_TYPES[t][1]) u -= COUPLING_TYPES[t++][1];
    const [type, , mean, sd] = COUPLING_TYPES[t];
    const truth = Math.round((mean + sd * normal(r)) * 1e4) / 1e4;
    const id = 4658147 + i;
    w.answers.line(`${id},dsgdb9nsd_${pad(molecule, 6)},${(r() * 29) | 0},${(r() * 29) | 0},${type},${truth}`);
    w.submission.line(`${id},${truth + 0.1 * sd * normal(r)}`);
  }
  w.answers.close();
  w.submission.close();
}

/** h-and-m-personalized-fashion-recommendations: 64-hex customer ids, purchased articles, 12 recommendations. */
function handm(n, dir) {
  const r = rng(5);
  const w = writers(dir);
  w.answers.line("customer_id,prediction");
  w.submission.line("customer_id,prediction");
  const articles = Array.from({ length: 100000 }, () => String(108775015 + Math.floor(r() * 850686000)));
  // Popular articles are bought (and recommended) far more often than the rest.
  const pick = () => articles[Math.floor(articles.length * r() ** 3)];
  for (let i = 0; i < n; i++) {
    const id = hex(r, 64);
    const bought = Array.from({ length: 1 + Math.floor(r() * r() * 10) }, pick);
    const recommended = [];
    for (let k = 0; k < 12; k++) recommended.push(r() < 0.08 ? bought[(r() * bought.length) | 0] : pick());
    w.answers.line(`${id},${bought.join(" ")}`);
    w.submission.line(`${id},${recommended.join(" ")}`);
  }
  w.answers.close();
  w.submission.close();
}

const ELEMENTS = ["C", "H", "N", "O", "S", "Cl", "F", "Br"];

function inchi(r) {
  const c = 5 + Math.floor(r() * 25);
  const h = c + Math.floor(r() * c);
  let formula = `C${c}H${h}`;
  for (const e of ELEMENTS.slice(2)) if (r() < 0.3) formula += `${e}${r() < 0.5 ? "" : 2 + Math.floor(r() * 3)}`;
  const atoms = c + 3;
  let connections = "";
  let length = 10 + Math.floor(r() * 60);
  while (connections.length < length) {
    connections += `${1 + Math.floor(r() * atoms)}${r() < 0.2 ? "(" : r() < 0.2 ? ")" : "-"}`;
  }
  let hydrogens = "";
  for (let k = 0; k < 1 + Math.floor(r() * 4); k++) hydrogens += `${k ? "," : ""}${1 + Math.floor(r() * atoms)}${r() < 0.5 ? "H" : "H2"}`;
  return `InChI=1S/${formula}/c${connections}/h${hydrogens}`;
}

function mutate(r, text) {
  let out = text;
  const edits = Math.floor(-Math.log(1 - r()) * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(r() * out.length);
    const what = r();
    const ch = "0123456789CHNO()-,"[Math.floor(r() * 18)];
    if (what < 0.4) out = out.slice(0, at) + ch + out.slice(at + 1);
    else if (what < 0.7) out = out.slice(0, at) + ch + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

function quote(text) {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** bms-molecular-translation: 12-hex image ids, InChI strings, predictions a few edits away. */
function bms(n, dir) {
  const r = rng(6);
  const w = writers(dir);
  w.answers.line("image_id,InChI");
  w.submission.line("image_id,InChI");
  for (let i = 0; i < n; i++) {
    const id = hex(r, 12);
    const truth = inchi(r);
    w.answers.line(`${id},${quote(truth)}`);
    w.submission.line(`${id},${quote(mutate(r, truth))}`);
  }
  w.answers.close();
  w.submission.close();
}

const STUDY_LABELS = ["negative", "typical", "indeterminate", "atypical"];

function box(r, jitter = 0, around = null) {
  if (around) return around.map((v) => Math.round(v + jitter * normal(r)));
  const x = Math.floor(r() * 2000);
  const y = Math.floor(r() * 2000);
  return [x, y, x + 200 + Math.floor(r() * 800), y + 200 + Math.floor(r() * 1200)];
}

/** siim-covid19-detection: study rows (one label, a dummy box) and image rows (none, or opacity boxes). */
function siim(n, dir) {
  const r = rng(7);
  const w = writers(dir);
  w.answers.line("id,PredictionString");
  w.submission.line("id,PredictionString");
  const conf = () => (Math.round(r() * 1e4) / 1e4).toString();
  for (let i = 0; i < n; i++) {
    const base = hex(r, 12);
    if (i % 2 === 0) {
      const label = STUDY_LABELS[(r() * 4) | 0];
      w.answers.line(`${base}_study,${label} 1 0 0 1 1`);
      w.submission.line(`${base}_study,${STUDY_LABELS.map((l) => `${l} ${conf()} 0 0 1 1`).join(" ")}`);
    } else {
      const count = r() < 0.4 ? 0 : 1 + Math.floor(r() * 3);
      const truth = Array.from({ length: count }, () => box(r));
      w.answers.line(`${base}_image,${count === 0 ? "none 1 0 0 1 1" : truth.map((b) => `opacity 1 ${b.join(" ")}`).join(" ")}`);
      const predicted = [`none ${conf()} 0 0 1 1`];
      for (const b of truth) if (r() < 0.8) predicted.push(`opacity ${conf()} ${box(r, 60, b).join(" ")}`);
      for (let k = 0; k < Math.floor(r() * 3); k++) predicted.push(`opacity ${conf()} ${box(r).join(" ")}`);
      w.submission.line(`${base}_image,${predicted.join(" ")}`);
    }
  }
  w.answers.close();
  w.submission.close();
}

/** Run-length encoding (1-based starts, column-major) of a few blobs in a height × width mask. */
function blobRle(r, height, width, blobs, shift = 0) {
  const mask = new Uint8Array(height * width);
  for (const [cx, cy, rx, ry] of blobs) {
    const x0 = cx + shift;
    for (let x = Math.max(0, x0 - rx); x < Math.min(width, x0 + rx); x++) {
      const half = Math.floor(ry * Math.sqrt(Math.max(0, 1 - ((x - x0) / rx) ** 2)));
      for (let y = Math.max(0, cy - half); y < Math.min(height, cy + half); y++) mask[x * height + y] = 1;
    }
  }
  const runs = [];
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] && (i === 0 || !mask[i - 1])) {
      let j = i;
      while (j < mask.length && mask[j]) j++;
      runs.push(i + 1, j - i);
    }
  }
  return runs.length === 0 ? "-" : runs.join(" ");
}

/** google-research-identify-contrails-reduce-global-warming: 256×256 masks, most of them empty. */
function contrails(n, dir) {
  const r = rng(8);
  const w = writers(dir);
  w.answers.line("record_id,encoded_pixels,height,width");
  w.submission.line("record_id,encoded_pixels");
  const size = 256;
  for (let i = 0; i < n; i++) {
    const id = `${1000000000000000000n + BigInt(Math.floor(r() * 2 ** 52)) * 1000n + BigInt(i % 1000)}`;
    const blobs = r() < 0.6 ? [] : Array.from({ length: 1 + Math.floor(r() * 4) }, () => [Math.floor(r() * size), Math.floor(r() * size), 3 + Math.floor(r() * 40), 2 + Math.floor(r() * 8)]);
    w.answers.line(`${id},${blobRle(r, size, size, blobs)},${size},${size}`);
    w.submission.line(`${id},${blobRle(r, size, size, blobs.filter(() => r() < 0.9), Math.floor(r() * 5) - 2)}`);
  }
  w.answers.close();
  w.submission.close();
}

/** Generators by name (each writes answers.csv and submission.csv with n data rows). */
export const GENERATORS = { taxi, taxiShuffled, tpsMay, dogBreed, champs, handm, bms, siim, contrails };

/**
 * The folder holding a case's files at size n, generated on first use. Returns the folder and the
 * sizes in bytes of the two files.
 */
export async function dataFor(root, generator, n) {
  const dir = join(root, `${generator}-${n}-v${DATA_VERSION}`);
  const marker = join(dir, ".complete");
  if (!existsSync(marker)) {
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    await GENERATORS[generator](n, partial);
    writeFileSync(join(partial, ".complete"), "");
    renameSync(partial, dir);
  }
  return {
    dir,
    answersBytes: statSync(join(dir, "answers.csv")).size,
    submissionBytes: statSync(join(dir, "submission.csv")).size,
  };
}
