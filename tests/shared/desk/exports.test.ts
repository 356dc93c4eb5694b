import { claimReviews, exportText, quoteWithCitation, toCsv, toJson, toMarkdown, toWebAnnotations, type ExportItem } from '../../../src/shared/desk/exports';
import type { StoredClaim } from '../../../src/shared/desk/schema';
import { ARTICLE_TEXT, META, claimOn } from './fixture';

const CONTEXT = { exportedAt: '2026-12-05T12:00:00.000Z', version: '0.2.0' };

function item(words: string, speaker: string | null, extra: Partial<StoredClaim> = {}): ExportItem {
  return { article: META, claim: { ...claimOn(words, speaker), review: null, seenAt: Date.parse('2026-12-01T00:00:00Z'), ...extra } };
}

const MARKED = item('We cannot confirm the reports at this time.', 'Ryan Dillon', {
  review: { mark: 'disputed', note: 'Contradicted by =HYPERLINK("x")', speaker: null, updatedAt: Date.parse('2026-12-02T00:00:00Z') },
});
const FORMULA = item('may have', '=cmd|calc', { kind: 'mixed', speakerType: 'organization' });
const ITEMS = [MARKED, FORMULA];

describe('CSV', () => {
  const csv = toCsv(ITEMS, CONTEXT);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  test('UTF-8 BOM first, CRLF lines, the article and the export on every row', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe('url,title,outlet,published,attribution,speaker,engineSpeaker,cue,kind,quote,confidence,certainty,certaintyEvidence,framing,shown,mark,note,exportedAt,whosaidVersion');
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(1)) {
      expect(line.startsWith(`"${META.url}","${META.title}","${META.outlet}","${META.published}"`)).toBe(true);
      expect(line.endsWith(`"${CONTEXT.exportedAt}","${CONTEXT.version}"`)).toBe(true);
    }
  });

  test('page text never becomes a formula: = + - @ get an apostrophe, quotes are doubled', () => {
    expect(lines[2]).toContain(`"'=cmd|calc"`);
    expect(lines[1]).toContain('"Contradicted by =HYPERLINK(""x"")"');
    for (const cell of csv.split('","')) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

test('JSON carries url, title, outlet, date, export time and version, nested by article, with the selectors', () => {
  const json = JSON.parse(toJson(ITEMS, CONTEXT));
  expect(json).toMatchObject({ tool: 'WhoSaid', version: '0.2.0', exportedAt: CONTEXT.exportedAt });
  expect(json.articles).toHaveLength(1);
  expect(json.articles[0]).toMatchObject({ url: META.url, title: META.title, outlet: META.outlet, published: META.published });
  expect(json.articles[0].attributions[0]).toMatchObject({ speaker: 'Ryan Dillon', mark: 'disputed', selector: { quote: { type: 'TextQuoteSelector' } } });
});

test('Markdown is a fact-check draft: each quotation with its citation, mark and note', () => {
  const markdown = toMarkdown(ITEMS, CONTEXT);
  expect(markdown).toContain(`## [${META.title}](${META.url})`);
  expect(markdown).toContain('> \u201CWe cannot confirm the reports at this time.\u201D');
  expect(markdown).toContain(`> \u2014 **Ryan Dillon**, said ([${META.title}](${META.url}), ${META.outlet}, 2026-03-01)`);
  expect(markdown).toContain('**Disputed** \u2014 Contradicted by =HYPERLINK("x")');
});

test('copy with citation: quote, speaker, cue, title, outlet, date and URL, as text and as Markdown; a correction wins', () => {
  const corrected = { ...MARKED.claim, review: { ...MARKED.claim.review!, speaker: 'Col. Ryan Dillon' } };
  const { text, markdown } = quoteWithCitation(META, corrected);
  expect(text).toBe(`\u201CWe cannot confirm the reports at this time.\u201D\n\u2014 Col. Ryan Dillon, said (News Example, \u201CStrike claim doubted\u201D, 2026-03-01): ${META.url}`);
  expect(markdown).toContain('**Col. Ryan Dillon**');
  expect(markdown).toContain(`[Strike claim doubted](${META.url})`);
});

describe('W3C Web Annotation', () => {
  const page = JSON.parse(toWebAnnotations(ITEMS, CONTEXT));
  test('an AnnotationPage in the anno.jsonld context, one annotation per attribution', () => {
    expect(page['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(page.type).toBe('AnnotationPage');
    expect(page.items).toHaveLength(2);
  });

  test('each targets the article with a TextQuoteSelector and a TextPositionSelector that find the passage', () => {
    for (const annotation of page.items) {
      expect(annotation.type).toBe('Annotation');
      expect(annotation.id).toMatch(/^urn:whosaid:w[0-9a-z]+-[0-9a-z]+$/);
      expect(annotation.target.source).toBe(META.url);
      const [quote, position] = annotation.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      expect(ARTICLE_TEXT.slice(position.start, position.end)).toBe(quote.exact);
      expect(ARTICLE_TEXT.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
    }
  });

  test('the mark is an assessing body, the note a commenting one; the motivation follows', () => {
    const marked = page.items[0];
    expect(marked.motivation).toBe('assessing');
    expect(marked.body).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'TextualBody', purpose: 'assessing', value: 'Disputed' }),
      expect.objectContaining({ type: 'TextualBody', purpose: 'commenting', value: 'Contradicted by =HYPERLINK("x")' }),
    ]));
    expect(page.items[1].motivation).toBe('identifying');
  });
});

describe('schema.org ClaimReview', () => {
  // Properties schema.org defines for each type used (https://schema.org/ClaimReview, /Claim, /CreativeWork,
  // /Rating, /Organization, /Person); the compile-time check is schema-dts's types in exports.ts.
  const DEFINED: Record<string, string[]> = {
    ClaimReview: ['@context', '@type', 'claimReviewed', 'itemReviewed', 'reviewRating', 'author', 'url', 'datePublished'],
    Claim: ['@type', 'author', 'appearance', 'firstAppearance', 'datePublished'],
    CreativeWork: ['@type', 'url', 'headline', 'publisher', 'datePublished', 'author'],
    Rating: ['@type', 'ratingValue', 'bestRating', 'worstRating', 'alternateName'],
    Organization: ['@type', 'name', 'url'],
    Person: ['@type', 'name'],
  };
  function checkShape(node: Record<string, unknown>, path: string): void {
    const type = node['@type'] as string;
    expect({ path, type: DEFINED[type] ? type : `undefined type ${type}` }).toEqual({ path, type });
    for (const [key, value] of Object.entries(node)) {
      expect({ path, key, defined: DEFINED[type].includes(key) }).toEqual({ path, key, defined: true });
      if (value && typeof value === 'object') checkShape(value as Record<string, unknown>, `${path}.${key}`);
    }
  }

  test('only reviewed attributions become one; every property is one schema.org defines on its type', () => {
    const reviews = claimReviews(ITEMS);
    expect(reviews).toHaveLength(1);
    checkShape(reviews[0] as unknown as Record<string, unknown>, 'ClaimReview');
  });

  test('claimReviewed, the Claim with the speaker as author and the article as appearance; rating and organisation left to fill', () => {
    const [review] = JSON.parse(exportText('claimreview', ITEMS, CONTEXT));
    expect(review).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'We cannot confirm the reports at this time.',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Ryan Dillon' },
        appearance: { '@type': 'CreativeWork', url: META.url, headline: META.title, publisher: { '@type': 'Organization', name: META.outlet }, datePublished: META.published },
      },
      reviewRating: { '@type': 'Rating', ratingValue: '', bestRating: '', worstRating: '', alternateName: '' },
      author: { '@type': 'Organization', name: '' },
    });
  });
});

test.each([
  ['\u201CThere have been claims,\u201D', '\u201CThere have been claims\u201D'],
  ['"plain quotes"', '\u201Cplain quotes\u201D'],
  ['no marks at all', '\u201Cno marks at all\u201D'],
])('a quotation is put in curly quotes once: %s', async (content, expected) => {
  const { quoted } = await import('../../../src/shared/desk/exports');
  expect(quoted(content)).toBe(expected);
});
