/**
 * UTF-8 decoding through the platform's TextDecoder (present in browsers, Deno and Node), declared
 * here because the core compiles without DOM or Node type definitions.
 */
export interface Utf8Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare const TextDecoder: { new (label: string, options?: { fatal?: boolean }): Utf8Decoder };

/** Decodes UTF-8; with `fatal`, throws a TypeError on bytes that are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, fatal = false): string {
  return new TextDecoder("utf-8", { fatal }).decode(bytes);
}

/** A UTF-8 decoder for chunked input (`decode(chunk, { stream: true })`); drops a leading BOM. */
export function utf8Decoder(fatal: boolean): Utf8Decoder {
  return new TextDecoder("utf-8", { fatal });
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
