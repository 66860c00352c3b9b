/**
 * Builds a search bundle's phrase index (the format and the reading side: `search-phrases.ts`)
 * from its pages' words, at build time: every pair of neighbouring words of every article and
 * every word alone, kept as numbers while the pages come, written out byte by byte at the end.
 * Pure.
 */
import { PHRASE_PARTS, pairPart, partName, type PageWords } from './search-phrases.ts';
import { foldVietnamese } from './text.ts';

/** A file written byte by byte: the phrase index writes a few bytes for every occurrence. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  #room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(value: number): void {
    this.#room(1);
    this.bytes[this.length++] = value;
  }

  write(bytes: Uint8Array): void {
    this.#room(bytes.length);
    // Words are a few bytes: a loop beats `set` on arrays this short.
    for (let index = 0; index < bytes.length; index++) this.bytes[this.length++] = bytes[index]!;
  }

  /** A whole number in base 36, lowercase. */
  base36(number: number): void {
    if (number >= 36) this.base36(Math.floor(number / 36));
    const digit = number % 36;
    this.byte(digit < 10 ? 48 + digit : 87 + digit);
  }
}

const [TAB, NEWLINE, SPACE, BAR, COLON, COMMA, DOT, STAR] = [9, 10, 32, 124, 58, 44, 46, 42];

/** A growing list of whole numbers kept outside the JavaScript heap (`array[0]` to `array[length - 1]`). */
class IntList {
  array = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Int32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }
}

/**
 * Pairs of ids (two words) to an id, by open addressing over typed arrays: a bundle's phrase
 * index looks one up for every word of every article, and a `Map` keyed by two ids would
 * allocate a key for each.
 */
class PairTable {
  #firsts = new Int32Array(1 << 12).fill(-1);
  #seconds = new Int32Array(1 << 12);
  #values = new Int32Array(1 << 12);
  #size = 0;

  static #slot(first: number, second: number, mask: number): number {
    return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca6b)) & mask;
  }

  /** The id of the pair, or -1 when it has none. */
  get(first: number, second: number): number {
    const mask = this.#firsts.length - 1;
    for (let slot = PairTable.#slot(first, second, mask); ; slot = (slot + 1) & mask) {
      const found = this.#firsts[slot]!;
      if (found === -1) return -1;
      if (found === first && this.#seconds[slot] === second) return this.#values[slot]!;
    }
  }

  /** Gives a pair that has no id yet its id. */
  add(first: number, second: number, value: number): void {
    if ((this.#size + 1) * 2 > this.#firsts.length) this.#grow();
    const mask = this.#firsts.length - 1;
    let slot = PairTable.#slot(first, second, mask);
    while (this.#firsts[slot] !== -1) slot = (slot + 1) & mask;
    this.#firsts[slot] = first;
    this.#seconds[slot] = second;
    this.#values[slot] = value;
    this.#size += 1;
  }

  #grow(): void {
    const [firsts, seconds, values] = [this.#firsts, this.#seconds, this.#values];
    this.#firsts = new Int32Array(firsts.length * 2).fill(-1);
    this.#seconds = new Int32Array(firsts.length * 2);
    this.#values = new Int32Array(firsts.length * 2);
    this.#size = 0;
    for (let slot = 0; slot < firsts.length; slot++) {
      if (firsts[slot] !== -1) this.add(firsts[slot]!, seconds[slot]!, values[slot]!);
    }
  }
}

/**
 * Builds one bundle's phrase index from its pages, added in page-number order. Words, pairs and
 * spellings are numbered as they come and every occurrence is kept as three numbers, so that a
 * bundle of thousands of articles builds in a small part of the time Pagefind takes to index it.
 *
 * @example
 * const builder = new PhraseIndexBuilder();
 * builder.add({ words: ['đà', 'lạt'], title: 2 });
 * builder.add({ words: ['đã', 'lát', 'đá'], title: 0 });
 * builder.pairFiles(); // as UTF-8:
 * // Map { '1bf' => 'đà lạt|đã lát\t0:*0 1:0.1\n', '1c2' => 'đà |đã |đá \t0:*0 1:0.1,2.2\n', …, '3e1' => 'lát đá\t1:1\n' }
 */
export class PhraseIndexBuilder {
  /** Words as written (lowercase), by id, the id of each one's folded form, and its pages. */
  readonly #wordIds = new Map<string, number>();
  readonly #words: string[] = [];
  readonly #foldedOf = new IntList();
  readonly #wordPages = new IntList();
  readonly #wordLastPage = new IntList();
  readonly #foldedIds = new Map<string, number>();
  readonly #foldedWords: string[] = [];
  /** Folded pairs: their two folded words, and how many spellings each has. */
  readonly #pairIds = new PairTable();
  readonly #pairWords = new IntList();
  readonly #pairSpellingCount = new IntList();
  /** Spellings (pairs of words as written): their two words, pair, and place among its spellings. */
  readonly #spellingIds = new PairTable();
  readonly #spellingWords = new IntList();
  readonly #spellingPair = new IntList();
  readonly #spellingIndex = new IntList();
  /** Every occurrence, in the order added: spelling id, page, position × 2 + 1 if in the title. */
  readonly #occurrences = new IntList();
  /** The last page each word (as written) was recorded alone in, in the title and in the body. */
  readonly #aloneInTitle = new IntList();
  readonly #aloneInBody = new IntList();
  /** The empty word: a word alone is the pair of it and this. */
  readonly #none = this.#wordId('');
  #pages = 0;

  /** Adds the next page's words (see {@link pageWords}). */
  add(page: PageWords): void {
    const number = this.#pages++;
    let previous = -1;
    for (let position = 0; position < page.words.length; position++) {
      const word = this.#wordId(page.words[position]!);
      if (this.#wordLastPage.array[word] !== number) {
        this.#wordLastPage.array[word] = number;
        this.#wordPages.array[word]! += 1;
      }
      // A word alone: its first occurrence in the page's title and its first in the body.
      const inTitle = position < page.title;
      const alone = inTitle ? this.#aloneInTitle : this.#aloneInBody;
      if (alone.array[word] !== number) {
        alone.array[word] = number;
        this.#addPair(word, this.#none, number, position * 2 + (inTitle ? 1 : 0));
      }
      // The pair at position - 1 is in the title when its second word is.
      if (previous >= 0) this.#addPair(previous, word, number, (position - 1) * 2 + (inTitle ? 1 : 0));
      previous = word;
    }
  }

  /** Adds an occurrence of two words as written at a page's place (position × 2 + 1 if in the title). */
  #addPair(first: number, second: number, page: number, place: number): void {
    let spelling = this.#spellingIds.get(first, second);
    if (spelling === -1) spelling = this.#newSpelling(first, second);
    this.#occurrences.push(spelling);
    this.#occurrences.push(page);
    this.#occurrences.push(place);
  }

  #wordId(word: string): number {
    let id = this.#wordIds.get(word);
    if (id === undefined) {
      id = this.#words.length;
      this.#wordIds.set(word, id);
      this.#words.push(word);
      this.#wordPages.push(0);
      this.#wordLastPage.push(-1);
      this.#aloneInTitle.push(-1);
      this.#aloneInBody.push(-1);
      const folded = foldVietnamese(word);
      let foldedId = this.#foldedIds.get(folded);
      if (foldedId === undefined) {
        foldedId = this.#foldedWords.length;
        this.#foldedIds.set(folded, foldedId);
        this.#foldedWords.push(folded);
      }
      this.#foldedOf.push(foldedId);
    }
    return id;
  }

  #newSpelling(first: number, second: number): number {
    const foldedFirst = this.#foldedOf.array[first]!;
    const foldedSecond = this.#foldedOf.array[second]!;
    let pair = this.#pairIds.get(foldedFirst, foldedSecond);
    if (pair === -1) {
      pair = this.#pairSpellingCount.length;
      this.#pairIds.add(foldedFirst, foldedSecond, pair);
      this.#pairWords.push(foldedFirst);
      this.#pairWords.push(foldedSecond);
      this.#pairSpellingCount.push(0);
    }
    const id = this.#spellingPair.length;
    this.#spellingIds.add(first, second, id);
    this.#spellingWords.push(first);
    this.#spellingWords.push(second);
    this.#spellingPair.push(pair);
    this.#spellingIndex.push(this.#pairSpellingCount.array[pair]!++);
    return id;
  }

  /**
   * How many of the pages added hold each word (as written, lowercase): the bundle's vocabulary
   * (`vocabularyText` in `src/lib/search-rank.ts`).
   */
  wordCounts(): Map<string, number> {
    return new Map(this.#words.flatMap((word, id) => (id === this.#none ? [] : [[word, this.#wordPages.array[id]!]])));
  }

  /**
   * The pair files by name (`partName`; their paths are `phrasePath`), as UTF-8 text (the build
   * compresses them).
   */
  pairFiles(): Map<string, Uint8Array> {
    const pairs = this.#pairSpellingCount.length;
    // The pairs in file order: by file, then in the order first seen.
    const folded = this.#pairWords.array;
    const foldedWords = this.#foldedWords;
    const partOf = new Int32Array(pairs);
    const partStarts = new Int32Array(PHRASE_PARTS + 1);
    for (let pair = 0; pair < pairs; pair++) {
      partOf[pair] = pairPart(foldedWords[folded[2 * pair]!]!, foldedWords[folded[2 * pair + 1]!]!);
      partStarts[partOf[pair]! + 1]! += 1;
    }
    for (let part = 0; part < PHRASE_PARTS; part++) partStarts[part + 1]! += partStarts[part]!;
    const inOrder = new Int32Array(pairs);
    const rank = new Int32Array(pairs);
    const nextRank = partStarts.slice(0, PHRASE_PARTS);
    for (let pair = 0; pair < pairs; pair++) {
      rank[pair] = nextRank[partOf[pair]!]!++;
      inOrder[rank[pair]!] = pair;
    }
    // Every occurrence in file order (each pair's in the order added: pages, then positions),
    // as page, place and spelling index, so the files are written reading it straight through.
    const occurrences = this.#occurrences.array;
    const spellingPair = this.#spellingPair.array;
    const spellingIndex = this.#spellingIndex.array;
    const count = this.#occurrences.length / 3;
    const starts = new Int32Array(pairs + 1);
    for (let at = 0; at < count * 3; at += 3) starts[rank[spellingPair[occurrences[at]!]!]! + 1]! += 1;
    for (let index = 0; index < pairs; index++) starts[index + 1]! += starts[index]!;
    const next = starts.slice(0, pairs);
    const grouped = new Int32Array(count * 3);
    for (let at = 0; at < count * 3; at += 3) {
      const spelling = occurrences[at]!;
      const to = next[rank[spellingPair[spelling]!]!]!++ * 3;
      grouped[to] = occurrences[at + 1]!;
      grouped[to + 1] = occurrences[at + 2]!;
      grouped[to + 2] = spellingIndex[spelling]!;
    }

    // Each pair's spellings, in order of use.
    const spellingStarts = new Int32Array(pairs + 1);
    for (let pair = 0; pair < pairs; pair++)
      spellingStarts[pair + 1] = spellingStarts[pair]! + this.#pairSpellingCount.array[pair]!;
    const spellingsOf = new Int32Array(this.#spellingPair.length);
    for (let id = 0; id < this.#spellingPair.length; id++)
      spellingsOf[spellingStarts[spellingPair[id]!]! + spellingIndex[id]!] = id;

    const encoder = new TextEncoder();
    const words = this.#words.map((word) => encoder.encode(word));
    const spellingWords = this.#spellingWords.array;
    const files = new Map<string, Uint8Array>();
    const file = new ByteWriter();
    for (let part = 0; part < PHRASE_PARTS; part++) {
      if (partStarts[part] === partStarts[part + 1]) continue;
      file.length = 0;
      for (let index = partStarts[part]!; index < partStarts[part + 1]!; index++) {
        const pair = inOrder[index]!;
        for (let at = spellingStarts[pair]!; at < spellingStarts[pair + 1]!; at++) {
          const id = spellingsOf[at]!;
          if (at > spellingStarts[pair]!) file.byte(BAR);
          file.write(words[spellingWords[2 * id]!]!);
          file.byte(SPACE);
          file.write(words[spellingWords[2 * id + 1]!]!);
        }
        file.byte(TAB);
        writePostings(file, grouped, starts[index]!, starts[index + 1]!);
        file.byte(NEWLINE);
      }
      files.set(partName(part), file.bytes.slice(0, file.length));
    }
    return files;
  }
}

/**
 * Writes a pair's postings (see the format above): occurrences `from` to `to - 1` of `grouped`,
 * each as page, place (position × 2 + 1 if in the title) and spelling index.
 */
function writePostings(file: ByteWriter, grouped: Int32Array, from: number, to: number): void {
  let page = -1;
  for (let at = from * 3; at < to * 3; at += 3) {
    const number = grouped[at]!;
    const place = grouped[at + 1]!;
    const spelling = grouped[at + 2]!;
    if (number !== page) {
      if (page >= 0) file.byte(SPACE);
      file.base36(page < 0 ? number : number - page);
      file.byte(COLON);
      page = number;
    } else {
      file.byte(COMMA);
    }
    if (place % 2) file.byte(STAR);
    file.base36(place >> 1);
    if (spelling > 0) {
      file.byte(DOT);
      file.base36(spelling);
    }
  }
}
