/**
 * Sort orders of float keys the way the Python stack orders them, including NaN keys.
 *
 * - `pythonSortOrder`: CPython's `list.sort(key=…, reverse=…)` / `sorted` (CPython 3.11 timsort
 *   with the powersort merge policy). With no NaN key every comparison is consistent and the result
 *   is simply the stable order; with NaN keys (`<` is then false both ways) the order depends on
 *   timsort's exact sequence of comparisons, which this module reproduces.
 * - `numpyMergesortOrder`: `np.argsort(keys, kind="mergesort")`, stable, NaN last.
 */

/** Stable ascending order of float keys; NaN keys go last, in input order (numpy's mergesort). */
export function numpyMergesortOrder(keys: ArrayLike<number>): Int32Array {
  const n = keys.length;
  const order = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(keys[i]!)) order[k++] = i;
  const finite = k;
  for (let i = 0; i < n; i++) if (Number.isNaN(keys[i]!)) order[k++] = i;
  const head = Array.from(order.subarray(0, finite));
  head.sort((a, b) => keys[a]! - keys[b]! || a - b);
  order.set(head);
  return order;
}

/**
 * The permutation `sorted(range(n), key=lambda i: keys[i], reverse=reverse)` returns in CPython
 * 3.11: stable, and with NaN keys the same (comparison-dependent) order CPython produces.
 */
export function pythonSortOrder(keys: ArrayLike<number>, reverse = false): Int32Array {
  const n = keys.length;
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(keys[i]!)) {
      hasNaN = true;
      break;
    }
  }
  if (!hasNaN) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort(reverse ? (a, b) => keys[b]! - keys[a]! || a - b : (a, b) => keys[a]! - keys[b]! || a - b);
    return Int32Array.from(order);
  }
  // CPython sorts in reverse by reversing, sorting stably ascending, and reversing again.
  const items = new Int32Array(n);
  for (let i = 0; i < n; i++) items[i] = reverse ? n - 1 - i : i;
  timsort(items, (a, b) => keys[a]! < keys[b]!);
  if (reverse) items.reverse();
  return items;
}

type LessThan = (a: number, b: number) => boolean;

/** CPython 3.11's `listsort` over an array of item ids, in place, with `lt` as the only comparison. */
export function timsort(items: Int32Array, lt: LessThan): void {
  const n = items.length;
  if (n < 2) return;
  const state = new MergeState(items, lt, n);
  let lo = 0;
  let remaining = n;
  const minrun = computeMinrun(n);
  do {
    let [run, descending] = countRun(items, lo, lo + remaining, lt);
    if (descending) reverseRange(items, lo, lo + run);
    if (run < minrun) {
      const force = remaining <= minrun ? remaining : minrun;
      binarySort(items, lo, lo + force, lo + run, lt);
      run = force;
    }
    state.foundNewRun(run);
    state.push(lo, run);
    lo += run;
    remaining -= run;
  } while (remaining > 0);
  state.forceCollapse();
}

function computeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

function reverseRange(items: Int32Array, lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) {
    const t = items[lo]!;
    items[lo] = items[hi]!;
    items[hi] = t;
  }
}

/** Length of the run starting at lo, and whether it is strictly descending (CPython 3.11). */
function countRun(items: Int32Array, lo: number, hi: number, lt: LessThan): [number, boolean] {
  let p = lo + 1;
  if (p === hi) return [1, false];
  let n = 2;
  if (lt(items[p]!, items[p - 1]!)) {
    for (p = p + 1; p < hi; p++, n++) if (!lt(items[p]!, items[p - 1]!)) break;
    return [n, true];
  }
  for (p = p + 1; p < hi; p++, n++) if (lt(items[p]!, items[p - 1]!)) break;
  return [n, false];
}

/** Binary insertion sort of [lo, hi) where [lo, start) is already sorted. */
function binarySort(items: Int32Array, lo: number, hi: number, start: number, lt: LessThan): void {
  if (lo === start) start++;
  for (; start < hi; start++) {
    let l = lo;
    let r = start;
    const pivot = items[r]!;
    do {
      const p = l + ((r - l) >> 1);
      if (lt(pivot, items[p]!)) r = p;
      else l = p + 1;
    } while (l < r);
    for (let p = start; p > l; p--) items[p] = items[p - 1]!;
    items[l] = pivot;
  }
}

/** Leftmost position in a[base, base+n) to insert key (a[k-1] < key <= a[k]), starting at hint. */
function gallopLeft(key: number, a: Int32Array, base: number, n: number, hint: number, lt: LessThan): number {
  let lastofs = 0;
  let ofs = 1;
  let p = base + hint;
  if (lt(a[p]!, key)) {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (lt(a[p + ofs]!, key)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (lt(a[p - ofs]!, key)) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  p = base;
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (lt(a[p + m]!, key)) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

/** Rightmost position in a[base, base+n) to insert key (a[k-1] <= key < a[k]), starting at hint. */
function gallopRight(key: number, a: Int32Array, base: number, n: number, hint: number, lt: LessThan): number {
  let lastofs = 0;
  let ofs = 1;
  let p = base + hint;
  if (lt(key, a[p]!)) {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (lt(key, a[p - ofs]!)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (lt(key, a[p + ofs]!)) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  p = base;
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (lt(key, a[p + m]!)) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

const MIN_GALLOP = 7;

class MergeState {
  private minGallop = MIN_GALLOP;
  private readonly base: number[] = [];
  private readonly len: number[] = [];
  private readonly power: number[] = [];

  constructor(
    private readonly a: Int32Array,
    private readonly lt: LessThan,
    private readonly listlen: number,
  ) {}

  push(base: number, len: number): void {
    this.base.push(base);
    this.len.push(len);
    this.power.push(0);
  }

  /** Powersort's merge policy, run before pushing a new run of length len. */
  foundNewRun(len: number): void {
    const n = this.len.length;
    if (n === 0) return;
    const power = nodePower(this.base[n - 1]!, this.len[n - 1]!, len, this.listlen);
    while (this.len.length > 1 && this.power[this.len.length - 2]! > power) this.mergeAt(this.len.length - 2);
    this.power[this.len.length - 1] = power;
  }

  forceCollapse(): void {
    while (this.len.length > 1) {
      let n = this.len.length - 2;
      if (n > 0 && this.len[n - 1]! < this.len[n + 1]!) n--;
      this.mergeAt(n);
    }
  }

  private mergeAt(i: number): void {
    const { a, lt } = this;
    let baseA = this.base[i]!;
    let na = this.len[i]!;
    const baseB = this.base[i + 1]!;
    let nb = this.len[i + 1]!;
    this.len[i] = na + nb;
    if (i === this.len.length - 3) {
      this.base[i + 1] = this.base[i + 2]!;
      this.len[i + 1] = this.len[i + 2]!;
      this.power[i + 1] = this.power[i + 2]!;
    }
    this.base.pop();
    this.len.pop();
    this.power.pop();
    // Where does b start in a? Elements of a already in place can be ignored.
    const k = gallopRight(a[baseB]!, a, baseA, na, 0, lt);
    baseA += k;
    na -= k;
    if (na === 0) return;
    // Where does a end in b? Elements of b already in place can be ignored.
    nb = gallopLeft(a[baseA + na - 1]!, a, baseB, nb, nb - 1, lt);
    if (nb <= 0) return;
    if (na <= nb) this.mergeLo(baseA, na, baseB, nb);
    else this.mergeHi(baseA, na, baseB, nb);
  }

  private mergeLo(baseA: number, na: number, baseB: number, nb: number): void {
    const { a, lt } = this;
    const tmp = a.slice(baseA, baseA + na);
    let dest = baseA;
    let pa = 0;
    let pb = baseB;
    a[dest++] = a[pb++]!;
    nb--;
    if (nb === 0) return this.finishLo(tmp, pa, na, dest);
    if (na === 1) return this.copyBThenA(tmp, pa, dest, pb, nb);
    let minGallop = this.minGallop;
    for (;;) {
      let acount = 0;
      let bcount = 0;
      // Straightforward merge until one run appears to win consistently.
      for (;;) {
        if (lt(a[pb]!, tmp[pa]!)) {
          a[dest++] = a[pb++]!;
          bcount++;
          acount = 0;
          nb--;
          if (nb === 0) return this.succeedLo(tmp, pa, na, dest, minGallop);
          if (bcount >= minGallop) break;
        } else {
          a[dest++] = tmp[pa++]!;
          acount++;
          bcount = 0;
          na--;
          if (na === 1) return this.copyBThenALo(tmp, pa, dest, pb, nb, minGallop);
          if (acount >= minGallop) break;
        }
      }
      minGallop++;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        this.minGallop = minGallop;
        let k = gallopRight(a[pb]!, tmp, pa, na, 0, lt);
        acount = k;
        if (k) {
          for (let j = 0; j < k; j++) a[dest + j] = tmp[pa + j]!;
          dest += k;
          pa += k;
          na -= k;
          if (na === 1) return this.copyBThenALo(tmp, pa, dest, pb, nb, minGallop);
          if (na === 0) return this.succeedLo(tmp, pa, na, dest, minGallop);
        }
        a[dest++] = a[pb++]!;
        nb--;
        if (nb === 0) return this.succeedLo(tmp, pa, na, dest, minGallop);
        k = gallopLeft(tmp[pa]!, a, pb, nb, 0, lt);
        bcount = k;
        if (k) {
          a.copyWithin(dest, pb, pb + k);
          dest += k;
          pb += k;
          nb -= k;
          if (nb === 0) return this.succeedLo(tmp, pa, na, dest, minGallop);
        }
        a[dest++] = tmp[pa++]!;
        na--;
        if (na === 1) return this.copyBThenALo(tmp, pa, dest, pb, nb, minGallop);
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      minGallop++;
      this.minGallop = minGallop;
    }
  }

  private succeedLo(tmp: Int32Array, pa: number, na: number, dest: number, minGallop: number): void {
    this.minGallop = minGallop;
    this.finishLo(tmp, pa, na, dest);
  }

  private finishLo(tmp: Int32Array, pa: number, na: number, dest: number): void {
    for (let j = 0; j < na; j++) this.a[dest + j] = tmp[pa + j]!;
  }

  private copyBThenALo(tmp: Int32Array, pa: number, dest: number, pb: number, nb: number, minGallop: number): void {
    this.minGallop = minGallop;
    this.copyBThenA(tmp, pa, dest, pb, nb);
  }

  /** The last element of a belongs at the end of the merge. */
  private copyBThenA(tmp: Int32Array, pa: number, dest: number, pb: number, nb: number): void {
    this.a.copyWithin(dest, pb, pb + nb);
    this.a[dest + nb] = tmp[pa]!;
  }

  private mergeHi(baseA: number, na: number, baseB: number, nb: number): void {
    const { a, lt } = this;
    const tmp = a.slice(baseB, baseB + nb);
    let dest = baseB + nb - 1;
    let pb = nb - 1;
    let pa = baseA + na - 1;
    a[dest--] = a[pa--]!;
    na--;
    if (na === 0) return this.finishHi(tmp, nb, dest);
    if (nb === 1) return this.copyAThenB(tmp, pb, dest, pa, na);
    let minGallop = this.minGallop;
    for (;;) {
      let acount = 0;
      let bcount = 0;
      for (;;) {
        if (lt(tmp[pb]!, a[pa]!)) {
          a[dest--] = a[pa--]!;
          acount++;
          bcount = 0;
          na--;
          if (na === 0) return this.succeedHi(tmp, nb, dest, minGallop);
          if (acount >= minGallop) break;
        } else {
          a[dest--] = tmp[pb--]!;
          bcount++;
          acount = 0;
          nb--;
          if (nb === 1) return this.copyAThenBHi(tmp, pb, dest, pa, na, minGallop);
          if (bcount >= minGallop) break;
        }
      }
      minGallop++;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        this.minGallop = minGallop;
        let k = gallopRight(tmp[pb]!, a, baseA, na, na - 1, lt);
        k = na - k;
        acount = k;
        if (k) {
          dest -= k;
          pa -= k;
          a.copyWithin(dest + 1, pa + 1, pa + 1 + k);
          na -= k;
          if (na === 0) return this.succeedHi(tmp, nb, dest, minGallop);
        }
        a[dest--] = tmp[pb--]!;
        nb--;
        if (nb === 1) return this.copyAThenBHi(tmp, pb, dest, pa, na, minGallop);
        k = gallopLeft(a[pa]!, tmp, 0, nb, nb - 1, lt);
        k = nb - k;
        bcount = k;
        if (k) {
          dest -= k;
          pb -= k;
          for (let j = 0; j < k; j++) a[dest + 1 + j] = tmp[pb + 1 + j]!;
          nb -= k;
          if (nb === 1) return this.copyAThenBHi(tmp, pb, dest, pa, na, minGallop);
          if (nb === 0) return this.succeedHi(tmp, nb, dest, minGallop);
        }
        a[dest--] = a[pa--]!;
        na--;
        if (na === 0) return this.succeedHi(tmp, nb, dest, minGallop);
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      minGallop++;
      this.minGallop = minGallop;
    }
  }

  private succeedHi(tmp: Int32Array, nb: number, dest: number, minGallop: number): void {
    this.minGallop = minGallop;
    this.finishHi(tmp, nb, dest);
  }

  /** Copies what is left of b (tmp[0, nb)) to end at dest. */
  private finishHi(tmp: Int32Array, nb: number, dest: number): void {
    for (let j = 0; j < nb; j++) this.a[dest - (nb - 1) + j] = tmp[j]!;
  }

  private copyAThenBHi(tmp: Int32Array, pb: number, dest: number, pa: number, na: number, minGallop: number): void {
    this.minGallop = minGallop;
    this.copyAThenB(tmp, pb, dest, pa, na);
  }

  /** The first element of b belongs at the front of the merge. */
  private copyAThenB(tmp: Int32Array, pb: number, dest: number, pa: number, na: number): void {
    dest -= na;
    pa -= na;
    this.a.copyWithin(dest + 1, pa + 1, pa + 1 + na);
    this.a[dest] = tmp[pb]!;
  }
}

/**
 * Powersort's node power of the boundary between run 1 [s1, s1+n1) and run 2 that follows it
 * with length n2, in a list of n items (CPython's `powerloss`).
 */
function nodePower(s1: number, n1: number, n2: number, n: number): number {
  // Midpoints a and b of the two runs, scaled by 2/n; the power is the first bit where they differ.
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  let result = 0;
  for (;;) {
    result++;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) break;
    a <<= 1;
    b <<= 1;
  }
  return result;
}
