import type { PhraseIndexBuilder } from '../../src/lib/phrase-index-builder.ts';

/** A phrase index builder's pair files, as text. */
export const pairTexts = (builder: PhraseIndexBuilder): Map<string, string> =>
  new Map([...builder.pairFiles()].map(([file, bytes]) => [file, new TextDecoder().decode(bytes)]));
