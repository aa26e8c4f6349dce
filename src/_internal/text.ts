/**
 * UTF-8 decoding through the platform's TextDecoder (present in browsers, Deno and Node), declared
 * here because the core compiles without DOM or Node type definitions.
 */
export interface Utf8Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare const TextDecoder: { new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): Utf8Decoder };

/** Decodes UTF-8; with `fatal`, throws a TypeError on bytes that are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, fatal = false): string {
  return new TextDecoder("utf-8", { fatal }).decode(bytes);
}

/**
 * A UTF-8 decoder for chunked input (`decode(chunk, { stream: true })`); it drops a BOM at the
 * start of its input unless `keepBOM`.
 */
export function utf8Decoder(fatal: boolean, keepBOM = false): Utf8Decoder {
  return new TextDecoder("utf-8", { fatal, ignoreBOM: keepBOM });
}

/**
 * The bytes at the end of `head` + `tail` that begin a UTF-8 sequence the end cuts off (what a
 * streaming decoder holds back), assuming the bytes before are valid UTF-8.
 */
export function cutSequence(head: Uint8Array, tail: Uint8Array): Uint8Array {
  const total = head.length + tail.length;
  const at = (i: number): number => (i < head.length ? head[i]! : tail[i - head.length]!);
  for (let back = 1; back <= Math.min(3, total); back++) {
    const b = at(total - back);
    if (b < 0x80) break;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (length <= back) break;
      const out = new Uint8Array(back);
      for (let k = 0; k < back; k++) out[k] = at(total - back + k);
      return out;
    }
  }
  return new Uint8Array(0);
}

/**
 * Offset of the first byte that cannot start or continue a UTF-8 sequence (overlong forms,
 * surrogates and values above U+10FFFF included), or -1. A sequence cut by the end is not counted.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1;
      const c = bytes[i + k]!;
      if (c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
