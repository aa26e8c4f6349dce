// Grading time of large segmentation submissions through the public API (`grade` from the built
// package). Each scenario generates a synthetic answers file and a noisy submission (seeded, so every
// run grades the same bytes), grades it once to warm up, then reports the best of three runs: wall
// time, the process CPU time of that run (a fairer figure on a busy machine), and throughput in MB of
// CSV (submission + answers) and images per second of wall time.
//
//   npm run build && node bench/segmentation.mjs [scenario ...]
//
// Scenarios: tgs (10,000 images of 101×101), contrails (10,000 of 256×256), hubmap (10,000 tiles
// of 1024×1024 with several glomeruli each), uw (10,080 slice rows of 266×266 in 24 case-day volumes,
// exact 3-D Hausdorff per volume), vesuvius (3 fragments of about 50 megapixels).
import { performance } from "node:perf_hooks";
import { grade } from "../dist/index.js";

let seed = 20240601;
function random() {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 4294967296;
}
const between = (lo, hi) => lo + random() * (hi - lo);

/**
 * Runs of the union of discs, walking the image column by column (column-major: pixel k is row
 * k mod height, column ⌊k / height⌋), as 1-based `start length` pairs.
 */
function discsToRle(discs, height, width) {
  const parts = [];
  const spans = [];
  for (let x = 0; x < width; x++) {
    spans.length = 0;
    for (const { cx, cy, r } of discs) {
      const dx = x - cx;
      if (dx * dx > r * r) continue;
      const half = Math.floor(Math.sqrt(r * r - dx * dx));
      const y0 = Math.max(0, Math.ceil(cy - half));
      const y1 = Math.min(height - 1, Math.floor(cy + half));
      if (y0 <= y1) spans.push([y0, y1]);
    }
    if (spans.length === 0) continue;
    spans.sort((a, b) => a[0] - b[0]);
    let [s, e] = spans[0];
    for (let i = 1; i <= spans.length; i++) {
      if (i < spans.length && spans[i][0] <= e + 1) {
        e = Math.max(e, spans[i][1]);
        continue;
      }
      parts.push(`${x * height + s + 1} ${e - s + 1}`);
      if (i < spans.length) [s, e] = spans[i];
    }
  }
  return parts.join(" ");
}

/** A prediction: each disc moved and resized a little, some dropped, an occasional false one. */
function jitter(discs, height, width, scale) {
  const out = [];
  for (const d of discs) {
    if (random() < 0.1) continue;
    out.push({ cx: d.cx + between(-scale, scale), cy: d.cy + between(-scale, scale), r: Math.max(1, d.r * between(0.8, 1.2)) });
  }
  if (random() < 0.1) out.push({ cx: between(0, width), cy: between(0, height), r: between(2, 10) * scale });
  return out;
}

function randomDiscs(count, height, width, rMin, rMax) {
  return Array.from({ length: count }, () => ({ cx: between(0, width), cy: between(0, height), r: between(rMin, rMax) }));
}

function tgs() {
  const answers = ["id,rle_mask"];
  const submission = ["id,rle_mask"];
  for (let i = 0; i < 10_000; i++) {
    const id = `${(i * 2654435761 >>> 0).toString(16).padStart(8, "0")}${i.toString(16)}`;
    const discs = random() < 0.38 ? [] : randomDiscs(1 + Math.floor(random() * 2), 101, 101, 10, 70);
    answers.push(`${id},${discsToRle(discs, 101, 101)}`);
    submission.push(`${id},${discsToRle(jitter(discs, 101, 101, 4), 101, 101)}`);
  }
  return { competition: "tgs-salt-identification-challenge", images: 10_000, answers, submission };
}

function contrails() {
  const answers = ["record_id,encoded_pixels,height,width"];
  const submission = ["record_id,encoded_pixels"];
  for (let i = 0; i < 10_000; i++) {
    const id = String(1_000_000_000_000 + i * 7919);
    // A contrail: a thin line of small discs.
    const discs = [];
    if (random() < 0.5) {
      const [x0, y0, angle] = [between(0, 256), between(0, 256), between(0, Math.PI)];
      for (let t = 0; t < 120; t += 2) discs.push({ cx: x0 + t * Math.cos(angle), cy: y0 + t * Math.sin(angle), r: 1.5 });
    }
    answers.push(`${id},${discsToRle(discs, 256, 256) || "-"},256,256`);
    submission.push(`${id},${discsToRle(jitter(discs, 256, 256, 1), 256, 256) || "-"}`);
  }
  return { competition: "google-research-identify-contrails-reduce-global-warming", images: 10_000, answers, submission };
}

function hubmap() {
  const answers = ["id,encoding,width_pixels,height_pixels"];
  const submission = ["id,predicted"];
  for (let i = 0; i < 10_000; i++) {
    const id = `tile${String(i).padStart(5, "0")}`;
    const discs = randomDiscs(2 + Math.floor(random() * 4), 1024, 1024, 20, 60);
    answers.push(`${id},${discsToRle(discs, 1024, 1024)},1024,1024`);
    submission.push(`${id},${discsToRle(jitter(discs, 1024, 1024, 5), 1024, 1024)}`);
  }
  return { competition: "hubmap-kidney-segmentation", images: 10_000, answers, submission };
}

function uw() {
  const answers = ["id,class,predicted,image_width,image_height"];
  const submission = ["id,class,predicted"];
  const classes = ["large_bowel", "small_bowel", "stomach"];
  let rows = 0;
  for (let v = 0; v < 24; v++) {
    const organs = classes.map(() => ({ cx: between(80, 186), cy: between(80, 186), r: between(15, 40), first: Math.floor(between(20, 60)), last: Math.floor(between(90, 130)) }));
    for (let s = 1; s <= 140; s++) {
      const id = `case${100 + v}_day${v % 7}_slice_${String(s).padStart(4, "0")}`;
      classes.forEach((name, c) => {
        const o = organs[c];
        const inside = s >= o.first && s <= o.last;
        // The organ grows and shrinks along the slices and drifts a little.
        const discs = inside ? [{ cx: o.cx + (s - o.first) * 0.2, cy: o.cy, r: o.r * Math.sin((Math.PI * (s - o.first + 1)) / (o.last - o.first + 2)) + 1 }] : [];
        answers.push(`${id},${name},${discsToRle(discs, 266, 266)},266.0,266.0`);
        submission.push(`${id},${name},${discsToRle(jitter(discs, 266, 266, 3), 266, 266)}`);
        rows++;
      });
    }
  }
  return { competition: "uw-madison-gi-tract-image-segmentation", images: rows, answers, submission };
}

function vesuvius() {
  const answers = ["Id,Predicted,width,height"];
  const submission = ["Id,Predicted"];
  const sizes = [
    [8181, 6330],
    [7606, 5249],
    [9420, 5500],
  ];
  sizes.forEach(([height, width], f) => {
    const discs = randomDiscs(3000, height, width, 10, 60);
    // Row-major encoding: the image walked row by row is its transpose walked column by column.
    const transpose = (list) => list.map(({ cx, cy, r }) => ({ cx: cy, cy: cx, r }));
    answers.push(`${"abc"[f]},${discsToRle(transpose(discs), width, height)},${width},${height}`);
    submission.push(`${"abc"[f]},${discsToRle(transpose(jitter(discs, height, width, 6)), width, height)}`);
  });
  return { competition: "vesuvius-challenge-ink-detection", images: sizes.length, answers, submission };
}

const SCENARIOS = { tgs, contrails, hubmap, uw, vesuvius };
const wanted = process.argv.slice(2);
const selected = wanted.length ? wanted : Object.keys(SCENARIOS);

console.log("scenario   images  CSV MB   wall (best of 3)   CPU    MB/s   images/s   score");
for (const name of selected) {
  const make = SCENARIOS[name];
  if (!make) throw new Error(`unknown scenario ${name}; choose from ${Object.keys(SCENARIOS).join(", ")}`);
  seed = 20240601; // the same data whichever scenarios run
  const { competition, images, answers, submission } = make();
  const answersText = `${answers.join("\n")}\n`;
  const submissionText = `${submission.join("\n")}\n`;
  const megabytes = (Buffer.byteLength(answersText) + Buffer.byteLength(submissionText)) / 1e6;
  let best = { wall: Infinity, cpu: Infinity };
  let report;
  for (let run = 0; run < 4; run++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    report = grade({ competition, submission: submissionText, answers: answersText });
    const wall = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    if (run > 0 && wall < best.wall) best = { wall, cpu: (used.user + used.system) / 1e6 };
  }
  if (report.outcome !== "score") throw new Error(`${name}: ${report.error?.code} ${report.error?.message}`);
  console.log(
    [
      name.padEnd(10),
      String(images).padStart(6),
      megabytes.toFixed(1).padStart(7),
      `${best.wall.toFixed(3)} s`.padStart(18),
      `${best.cpu.toFixed(2)} s`.padStart(7),
      (megabytes / best.wall).toFixed(0).padStart(6),
      (images / best.wall).toFixed(0).padStart(10),
      `  ${report.score}`,
    ].join(" "),
  );
}
