import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  astroConfig,
  createCorpus,
  editArticleSource,
  shortSlug,
  vietnamIso,
  yamlScalar,
  type CorpusOptions,
} from '../../scripts/bench/generate-corpus.ts';
import { oldPageSave } from '../../scripts/bench/old-pages.ts';
import { parseArticle } from '../../src/lib/article.ts';
import { parseOldPage } from '../../src/lib/import/page.ts';
import { readAuthors, readCategories, readSiteSettings } from '../../src/lib/registries.ts';

const BUILD_TIME = new Date('2026-11-23T12:00:00+07:00');
const options = (overrides: Partial<CorpusOptions> = {}): CorpusOptions => ({
  articles: 200,
  seed: 1,
  buildTime: BUILD_TIME,
  ...overrides,
});

function digest(corpusOptions: CorpusOptions): string {
  const corpus = createCorpus(corpusOptions);
  const hash = createHash('sha256');
  for (const file of [...corpus.registries(), ...corpus.articles(), corpus.extraArticle()]) {
    hash.update(file.path).update('\0').update(file.content).update('\0');
  }
  return hash.digest('hex');
}

function registries(corpusOptions: CorpusOptions) {
  const files = Object.fromEntries(
    createCorpus(corpusOptions)
      .registries()
      .map((file) => [file.path, file.content]),
  );
  return {
    site: readSiteSettings(files['content/site.yaml']!, 'content/site.yaml'),
    categories: readCategories(files['content/categories.yaml']!, 'content/categories.yaml'),
    authors: readAuthors(files['content/authors.yaml']!, 'content/authors.yaml'),
  };
}

describe('createCorpus', () => {
  it('is byte-identical for the same seed', () => {
    expect(digest(options())).toBe(digest(options()));
  });

  it('differs for another seed', () => {
    expect(digest(options({ seed: 2 }))).not.toBe(digest(options()));
  });

  it('puts a picture on a quarter of the articles by default, on every one with pictured: 1', () => {
    const pictured = (corpusOptions: CorpusOptions) =>
      [...createCorpus(corpusOptions).articles()].filter((file) => /^image:/m.test(file.content.split('\n---\n')[0]!))
        .length;
    expect(pictured(options()) / 200).toBeGreaterThan(0.2);
    expect(pictured(options()) / 200).toBeLessThan(0.3);
    expect(pictured(options({ pictured: 1 }))).toBe(200);
    expect(pictured(options({ pictured: 0 }))).toBe(0);
    expect(digest(options({ pictured: 0.25 }))).toBe(digest(options()));
  });

  it('keeps titles, dates, authors and tags whatever share of articles has a picture', () => {
    const heads = (corpusOptions: CorpusOptions) =>
      [...createCorpus(corpusOptions).articles()].map((file) =>
        file.content
          .split('\n')
          .filter((line) => /^(title|date|author|tags):/.test(line))
          .join('\n'),
      );
    expect(heads(options({ pictured: 1 }))).toEqual(heads(options()));
  });

  it('gives the same first titles whatever the corpus size (only dates spread differently)', () => {
    const title = (content: string) => content.split('\n')[1];
    const small = [...createCorpus(options({ articles: 50 })).articles()].map((file) => title(file.content));
    const large = [...createCorpus(options({ articles: 80 })).articles()].map((file) => title(file.content));
    expect(large.slice(0, 50)).toEqual(small);
  });

  it('writes valid registries with 8+ categories and author bios', () => {
    const { site, categories, authors } = registries(options());
    expect([...site.issues, ...categories.issues, ...authors.issues]).toEqual([]);
    expect(categories.value.length).toBeGreaterThanOrEqual(8);
    expect(authors.value.length).toBeGreaterThan(0);
  });

  it('cuts a long title’s slug at a hyphen, within the schema’s 100 characters with a suffix', () => {
    expect(shortSlug('le-hoi-hoa')).toBe('le-hoi-hoa');
    const long = 'suc-don-duong-lien-khuong-thanh-pho-ho-chi-minh-huya-cua-nhuon-khanh-hoa-duoc-thanh-pho-ho-chi-minh';
    expect(shortSlug(long)).toBe(
      'suc-don-duong-lien-khuong-thanh-pho-ho-chi-minh-huya-cua-nhuon-khanh-hoa-duoc-thanh-pho-ho',
    );
    expect(shortSlug('x'.repeat(120))).toBe('x'.repeat(90));
  });

  it('writes articles that pass the schema, with unique slugs, in year folders', () => {
    const corpusOptions = options({ articles: 400 });
    const { categories } = registries(corpusOptions);
    const corpus = createCorpus(corpusOptions);
    const files = [...corpus.articles(), corpus.extraArticle()];
    const authors = new Set<string>();
    const slugs = new Set<string>();
    let withTwoAuthors = 0;
    let withImage = 0;
    let withAliases = 0;
    const years = new Set<number>();
    for (const file of files) {
      const parsed = parseArticle(file.path, file.content, categories.value);
      if (!parsed.ok) throw new Error(`${file.path}: ${JSON.stringify(parsed.issues)}`);
      const { data } = parsed.article;
      expect(file.path).toMatch(/^content\/articles\/\d{4}\/[a-z0-9-]+\.md$/);
      expect(data.date.getTime()).toBeLessThan(BUILD_TIME.getTime());
      expect(file.content).toBe(file.content.normalize('NFC'));
      data.authors.forEach((author) => authors.add(author));
      if (data.authors.length === 2) withTwoAuthors++;
      if (data.image) withImage++;
      if (data.aliases.length > 0) withAliases++;
      slugs.add(data.slug);
      years.add(Number(file.path.split('/')[2]));
    }
    expect(slugs.size).toBe(files.length);
    expect(authors.size).toBeGreaterThanOrEqual(50);
    expect(withTwoAuthors).toBeGreaterThan(0);
    expect(withImage).toBeGreaterThan(0);
    expect(withAliases).toBeGreaterThan(0);
    expect(years.size).toBeGreaterThanOrEqual(15);
  });

  it('writes ISO 8601 dates with the Vietnam offset, as the peers need', () => {
    const [first] = createCorpus(options({ articles: 3 })).articles();
    expect(first!.content).toMatch(/\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00\n/);
  });

  it('dates the extra article two hours before the build, after every other', () => {
    const corpus = createCorpus(options({ articles: 20 }));
    const paths = [...corpus.articles()].map((file) => file.path);
    const extra = corpus.extraArticle();
    expect(paths).not.toContain(extra.path);
    expect(extra.content).toContain('date: 2026-11-23T10:00:00+07:00');
  });

  it('draws bodies of 4 to 10 paragraphs from thousands of distinct syllables', () => {
    const words = new Set<string>();
    for (const file of createCorpus(options({ articles: 300 })).articles()) {
      const body = file.content.split('\n---\n')[1]!;
      for (const word of body.toLowerCase().match(/\p{L}+/gu) ?? []) words.add(word);
    }
    expect(words.size).toBeGreaterThan(3000);
    expect([...words].some((word) => word.startsWith('đ'))).toBe(true);
  });
});

describe('editArticleSource', () => {
  it('appends a paragraph to the body and keeps the front matter', () => {
    const [file] = createCorpus(options({ articles: 1 })).articles();
    const edited = editArticleSource(file!.content);
    expect(edited.startsWith(file!.content.trimEnd())).toBe(true);
    expect(edited).not.toBe(file!.content);
    expect(editArticleSource(file!.content)).toBe(edited);
  });
});

describe('astroConfig', () => {
  it('imports the shared config relative to the site root', () => {
    expect(astroConfig('../..')).toContain("from '../../src/integrations/archive-config.ts'");
  });
});

describe('yamlScalar', () => {
  it('leaves plain Vietnamese text plain', () => {
    expect(yamlScalar('Đà Lạt đón khách, năm 2024')).toBe('Đà Lạt đón khách, năm 2024');
  });

  it('quotes what YAML would misread', () => {
    expect(yamlScalar('a: b')).toBe('"a: b"');
    expect(yamlScalar('"trích"')).toBe('"\\"trích\\""');
    expect(yamlScalar('2024')).toBe('"2024"');
    expect(yamlScalar('[x]')).toBe('"[x]"');
  });
});

describe('vietnamIso', () => {
  it('writes Vietnam time with +07:00', () => {
    expect(vietnamIso(new Date('2020-01-01T00:00:00Z'))).toBe('2020-01-01T07:00:00+07:00');
  });
});

describe('oldPageSave', () => {
  it('gives saves the importer parses back to the same article', () => {
    for (const file of createCorpus(options({ articles: 60 })).articles()) {
      const parsed = parseOldPage(oldPageSave(file.content));
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(file.content).toContain(`title: ${parsed.page.title}`);
      expect(file.content).toContain(`category: ${parsed.page.section}`);
      expect(parsed.page.authors.length).toBeGreaterThan(0);
      expect(parsed.page.paragraphs.length).toBeGreaterThanOrEqual(4);
    }
  });
});
