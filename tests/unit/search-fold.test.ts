import { describe, expect, it } from 'vitest';
import {
  dWords,
  excerpt,
  foldD,
  foldedCopy,
  highlight,
  matchTokens,
  matchWords,
  normalizeQuery,
  queryTerms,
  stripLeading,
  textFromHtml,
  tokenize,
} from '../../src/lib/search-fold.ts';

const nfd = (text: string) => text.normalize('NFD');

/** Excerpt parts as text, each match in [brackets]. */
const marked = (parts: readonly { text: string; mark: boolean }[]) =>
  parts.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('');

describe('foldD', () => {
  it('turns đ and Đ into d and D and keeps every other mark', () => {
    expect(foldD('Đường Đà Lạt, đẹp')).toBe('Dường Dà Lạt, dẹp');
  });

  it('leaves text without đ unchanged', () => {
    expect(foldD('Bảo Lộc, hòa bình, thuỷ')).toBe('Bảo Lộc, hòa bình, thuỷ');
  });
});

describe('tokenize', () => {
  it('splits words and numbers with their offsets', () => {
    expect(tokenize('Đà Lạt, 2024!')).toEqual([
      { text: 'Đà', start: 0, end: 2 },
      { text: 'Lạt', start: 3, end: 6 },
      { text: '2024', start: 8, end: 12 },
    ]);
  });

  it('keeps combining marks inside the word in decomposed (NFD) text', () => {
    expect(tokenize(nfd('Lạt')).map((token) => token.text)).toEqual([nfd('Lạt')]);
  });

  it('returns nothing for punctuation only', () => {
    expect(tokenize(' - … “” ')).toEqual([]);
  });
});

describe('normalizeQuery', () => {
  it('recomposes, collapses spaces and trims, keeping diacritics', () => {
    expect(normalizeQuery(nfd('  Đà   Lạt \n'))).toBe('Đà Lạt');
  });

  it('keeps the tone placement the reader typed', () => {
    expect(normalizeQuery(nfd('hoà bình'))).toBe('hoà bình');
    expect(normalizeQuery(nfd('hòa bình'))).toBe('hòa bình');
  });
});

describe('queryTerms', () => {
  it('folds every spelling of a word to the same term', () => {
    expect(queryTerms('Đà Lạt')).toEqual(['da', 'lat']);
    expect(queryTerms('DA LAT')).toEqual(['da', 'lat']);
    expect(queryTerms(nfd('đà lạt'))).toEqual(['da', 'lat']);
    expect(queryTerms('hoà thủy')).toEqual(queryTerms('hòa thuỷ'));
  });

  it('drops repeats and punctuation', () => {
    expect(queryTerms('“Đức Trọng”, đức')).toEqual(['duc', 'trong']);
  });
});

describe('dWords', () => {
  it('lists each word containing đ once, lowercased, đ to d, tones kept', () => {
    expect(dWords('Đường về Đà Lạt, đường đẹp')).toEqual(['dường', 'dà', 'dẹp']);
  });

  it('reads decomposed text like composed text', () => {
    expect(dWords(nfd('Đức Trọng'))).toEqual(['dức']);
  });

  it('is empty when no word carries đ', () => {
    expect(dWords('Bảo Lộc vào vụ chè')).toEqual([]);
  });

  it('takes the whole word around each đ, as tokenize splits words', () => {
    // Digits, a second đ, a mark after đ, a letter outside the BMP, a word that starts with
    // a stray combining mark (dropped, as tokenize drops it) and punctuation around words.
    const text = '1đ2 Đinh-đồng xđ\u0301y 𝐀đ \u0301đa (đi) đĐ';
    expect(dWords(text)).toEqual(['1d2', 'dinh', 'dồng', 'xd\u0301y', '𝐀d', 'da', 'di', 'dd']);
    expect(dWords(text)).toEqual([
      ...new Set(
        tokenize(text)
          .map((token) => token.text)
          .filter((word) => /[đĐ]/.test(word))
          .map((word) => foldD(word).toLowerCase()),
      ),
    ]);
  });
});

describe('foldedCopy', () => {
  it('joins the đ-words of several texts, skipping missing ones', () => {
    expect(foldedCopy(['Đức Trọng', undefined, 'Đơn Dương', 'huyện Đức Trọng'])).toBe('dức dơn');
  });
});

describe('textFromHtml', () => {
  it('turns tags into spaces and decodes entities', () => {
    expect(textFromHtml('<p>Đà&nbsp;Lạt &amp; <b>Bảo Lộc</b></p>')).toBe(' Đà Lạt &  Bảo Lộc  ');
  });

  it('decodes numeric entities and drops script and style bodies', () => {
    expect(textFromHtml('&#272;&#xe0;<script>var đ = 1</script><style>.đ{}</style>x')).toBe('Đà  x');
  });

  it('leaves unknown entities as written', () => {
    expect(textFromHtml('a &foo; b')).toBe('a &foo; b');
  });
});

describe('stripLeading', () => {
  it('removes the title and dateline Pagefind puts at the start of a page text', () => {
    expect(
      stripLeading('Đà Lạt đón khách. Thứ bảy, 01/06/2024 - 06:30. Khách đến…', [
        'Đà Lạt đón khách',
        'Thứ bảy, 01/06/2024 - 06:30',
      ]),
    ).toBe('Khách đến…');
  });

  it('keeps the text when it does not start with them', () => {
    expect(stripLeading('Khách đến Đà Lạt.', ['Đà Lạt', undefined])).toBe('Khách đến Đà Lạt.');
  });
});

describe('matchTokens', () => {
  it('matches whole folded words, or prefixes when no whole word matches', () => {
    expect(matchTokens(tokenize('Đà Lạt đón khách'), ['da', 'kh'])).toEqual([0, -1, -1, 1]);
  });

  it('prefers whole words over prefixes of the same term', () => {
    expect(matchTokens(tokenize('đang đi, Đà Lạt'), ['da'])).toEqual([-1, -1, 0, -1]);
  });
});

describe('matchWords', () => {
  const dalat = [
    { folded: 'da', prefix: false },
    { folded: 'lat', prefix: false },
  ];

  it('marks only the runs that spell the phrase, not each folded word', () => {
    expect(matchWords(tokenize('Đà Lạt: khách đã lát đường, đã đến Đà Lạt'), { words: dalat, phrase: true })).toEqual([
      0, 1, -1, 0, 1, -1, -1, -1, 0, 1,
    ]);
    expect(matchWords(tokenize('Lạt đã, đà'), { words: dalat, phrase: true })).toEqual([-1, -1, -1]);
  });

  it('marks every whole word apart, and the words a prefix starts', () => {
    expect(
      matchWords(tokenize('Đà Lạt đang đón dân'), {
        words: [
          { folded: 'lat', prefix: false },
          { folded: 'da', prefix: true },
        ],
        phrase: false,
      }),
    ).toEqual([1, 0, 1, -1, 1]);
  });
});

describe('excerpt', () => {
  it('marks the original words a folded query matched', () => {
    expect(excerpt('Khách đổ về Đà Lạt ngày càng đông.', 'da lat', { words: 4, lead: 1 })).toEqual([
      { text: '…về ', mark: false },
      { text: 'Đà Lạt', mark: true },
      { text: ' ngày…', mark: false },
    ]);
  });

  it('finds either tone placement and decomposed queries', () => {
    const text = 'Gìn giữ hòa bình và Hoà Bình.';
    expect(marked(excerpt(text, 'hoà bình'))).toBe('Gìn giữ [hòa bình] và [Hoà Bình].');
    expect(marked(excerpt(text, nfd('hòa bình')))).toBe('Gìn giữ [hòa bình] và [Hoà Bình].');
  });

  it('does not join marks across punctuation', () => {
    expect(marked(excerpt('Đà, Lạt', 'da lat'))).toBe('[Đà], [Lạt]');
  });

  it('centres on the window holding the most distinct query words', () => {
    const text = 'Đức ở đầu. Một hai ba bốn năm sáu bảy tám chín mười. Huyện Đức Trọng ở cuối.';
    expect(marked(excerpt(text, 'duc trong', { words: 6, lead: 1 }))).toBe('…Huyện [Đức Trọng] ở cuối.');
  });

  it('shows the start of the text when nothing matches (a metadata-only match)', () => {
    expect(excerpt('Một hai ba bốn năm.', 'xyz', { words: 3 })).toEqual([{ text: 'Một hai ba…', mark: false }]);
  });

  it('returns nothing for empty text', () => {
    expect(excerpt('', 'da lat')).toEqual([]);
  });
});

describe('highlight', () => {
  it('marks the phrase a ranked match holds, not every folded "đã"', () => {
    expect(
      highlight('Đà Lạt đã đón khách', {
        words: [
          { folded: 'da', prefix: false },
          { folded: 'lat', prefix: false },
        ],
        phrase: true,
      }),
    ).toEqual([
      { text: 'Đà Lạt', mark: true },
      { text: ' đã đón khách', mark: false },
    ]);
  });

  it('marks matches in the whole text, without cutting it', () => {
    expect(highlight('Đức Trọng mở rộng đường', 'duc trong')).toEqual([
      { text: 'Đức Trọng', mark: true },
      { text: ' mở rộng đường', mark: false },
    ]);
  });

  it('keeps leading punctuation', () => {
    expect(marked(highlight('“Thuỷ điện” mùa khô', 'thủy'))).toBe('“[Thuỷ] điện” mùa khô');
  });
});
