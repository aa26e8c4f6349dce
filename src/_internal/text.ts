/**
 * UTF-8 decoding through the platform's TextDecoder (present in browsers, Deno and Node), declared
 * here because the core compiles without DOM or Node type definitions.
 */
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: { new (label: string, options?: { fatal?: boolean }): TextDecoderLike };

/** Decodes UTF-8; with `fatal`, throws a TypeError on bytes that are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, fatal = false): string {
  return new TextDecoder("utf-8", { fatal }).decode(bytes);
}
