import { addressIsFront, buildArticleText, extractArticle, findArticleRoot, isProbablyArticle, looksLikeNoArticle } from '../../src/shared/article';
import { parseDocument } from '../helpers/linkedom';

const LONG = 'The council met on Tuesday, after weeks of delay, to vote on a budget that has divided the city, its unions, and its residents for most of the year.';

function body(inner: string, head = ''): Document {
  return parseDocument(`<!doctype html><html><head><title>Budget vote | City News</title>${head}</head><body>${inner}</body></html>`);
}

function textOf(inner: string): string {
  const doc = body(`<div id="root">${inner}</div>`);
  return buildArticleText(doc.getElementById('root')!).text;
}

describe('buildArticleText: the text as rendered', () => {
  test.each([
    ['whitespace collapses', '<p>  one \n\t two   three  </p>', 'one two three'],
    ['blocks are paragraphs', '<p>one</p><div>two</div><blockquote><p>three</p></blockquote>', 'one\n\ntwo\n\nthree'],
    ['<br> is a line break, two are a paragraph break', '<p>one<br>two<br><br>three</p>', 'one\ntwo\n\nthree'],
    ['inline elements join their words', '<p>un<em>believ</em>able <a href="#">news</a>!</p>', 'unbelievable news!'],
    ['space between inline elements is kept once', '<p><b>one</b> <i> two</i></p>', 'one two'],
    ['a no-break space is not collapsible', '<p>10\u00a0km</p>', '10\u00a0km'],
    ['<q> gets the marks a browser draws', '<p>He said <q>no <q>never</q></q>.</p>', 'He said “no ‘never’”.'],
    ['headings are their own paragraphs', '<h2>Sub head</h2><p>Text.</p>', 'Sub head\n\nText.'],
    ['<pre> keeps its line breaks', '<pre>line one\nline two</pre>', 'line one\nline two'],
    ['list items are paragraphs', '<ul><li>one</li><li>two</li></ul>', 'one\n\ntwo'],
    // salon-1: the page lost the space after a linked name; the engine must not read "Madrigalreports".
    ['a linked name glued to the next word is read with a space', '<p>As <a href="#">Alexis Madrigal</a>reports, Uber ignored regulators.</p>', 'As Alexis Madrigal reports, Uber ignored regulators.'],
    ['must not split: a word split across a link on purpose', '<p>He <a href="#">link</a>ed it and <a href="#">Apple</a>’s shares <a href="#">Goog</a>le fell.</p>', 'He linked it and Apple’s shares Google fell.'],
    ['must not split: a capitalised link before a short ending', '<p>The <a href="#">NGO</a>s and <a href="#">Tory</a>ism.</p>', 'The NGOs and Toryism.'],
    // A roundup credits each excerpt under it, as a link to the review (the third round's digg-stadia).
    ['a linked credit under a block quotation is kept', '<blockquote><p>It works.</p></blockquote> <p><b>[</b><a href="/r"><b>Engadget</b></a><b>]</b></p>', 'It works.\n\n[Engadget]'],
    ['a linked credit after a dash under a block quotation is kept', '<blockquote><p>It works.</p></blockquote><p>— <a href="/r">The Verge</a></p>', 'It works.\n\n— The Verge'],
    ['must not keep: a linked line that is no credit', '<blockquote><p>It works.</p></blockquote><p><a href="/r">Read the full review here</a></p>', 'It works.'],
    ['must not keep: a linked credit with no quotation above it', '<p>It works.</p><p>[<a href="/r">Engadget</a>]</p>', 'It works.'],
  ])('%s', (_what, html, expected) => {
    expect(textOf(html)).toBe(expected);
  });

  test.each([
    ['scripts and styles', '<script>var quote = "x";</script><style>p{}</style>'],
    ['navigation', '<nav><a href="/">“Home”</a></nav>'],
    ['asides', '<aside>“Trending” now</aside>'],
    ['forms', '<form><label>Email</label><button>“Subscribe”</button></form>'],
    ['figure captions', '<figure><img src="x.png"><figcaption>Photo: AP</figcaption></figure>'],
    ['a figure holding only a link or an embed', '<figure data-alt="whale strandings"><a href="/x">whale strandings</a></figure>'],
    ['a caption written right after its figure', '<figure><img src="x.png"></figure><ul><li><p>Hori Parata at his farm, where he grew up</p></li></ul>'],
    ['the hidden attribute', '<p hidden>secret</p>'],
    ['aria-hidden', '<div aria-hidden="true">icon text</div>'],
    ['inline display:none', '<div style="color:red; display: none">gone</div>'],
    ['share bars', '<div class="share-tools">Share on Twitter</div>'],
    ['related teasers', '<section class="related-articles"><p>Another story entirely</p></section>'],
    ['comments', '<div id="comments"><p>Great article!</p></div>'],
    ['bylines', '<div class="byline">By Staff Writer</div>'],
    ['byline microdata', '<span itemprop="author">Jane Writer</span>'],
    ['newsletter boxes', '<div id="EmailOptin"><p>SIGN UP FOR OUR NEWSLETTER</p></div>'],
    ['teaser link lists', '<ul><li><a href="/a">Read this</a></li><li><a href="/b">And this</a></li></ul>'],
    ['screen-reader-only text', '<p>Visible<span class="sr-only"> (opens in new window)</span></p>'],
    ['our own overlay host', '<whosaid-overlay>panel</whosaid-overlay>'],
  ])('leaves out %s', (_what, html) => {
    const text = textOf(`<p>${LONG}</p>${html}`);
    expect(text.replace('\n\nVisible', '')).toBe(LONG);
  });

  test('furnitureByClass off: blocks named as furniture are read, furniture by tag and role still left out', () => {
    const doc = body(`<div id="root"><p>${LONG}</p><div class="share-tools">Share on Twitter</div><nav><a href="/">Home</a></nav><div role="navigation">Menu</div></div>`);
    const root = doc.getElementById('root')!;
    expect(buildArticleText(root).text).toBe(LONG);
    expect(buildArticleText(root, { furnitureByClass: false }).text).toBe(`${LONG}\n\nShare on Twitter`);
  });

  test('a page nested 10,000 elements deep is walked without overflowing the stack', () => {
    const deep = `${'<div>'.repeat(10_000)}<p>${LONG}</p>${'</div>'.repeat(10_000)}`;
    expect(textOf(deep)).toBe(LONG);
    const doc = body(`<main>${deep}</main>`);
    expect(extractArticle(doc, { fallbackToBody: true })?.text).toBe(LONG);
  });

  test('block quotations: where each outermost <blockquote> lies in the text', () => {
    const doc = body('<div id="root"><p>Askar wrote about it.</p><blockquote><p>The bug lets a client crash the server.</p><blockquote><p>Nested.</p></blockquote></blockquote><p>After.</p></div>');
    const article = buildArticleText(doc.getElementById('root')!);
    expect(article.blockQuotes.map((range) => article.text.slice(range.start, range.end))).toEqual(['The bug lets a client crash the server.\n\nNested.']);
    expect(buildArticleText(body('<div id="r"><p>No quotes.</p></div>').getElementById('r')!).blockQuotes).toEqual([]);
  });

  test('a class saying furniture is absent ("no_caption") is no furniture: buzzfeed-1\'s lede', () => {
    expect(textOf('<div class="buzz_superlist_item image_hit no_caption"><h2>The mother has described how her daughter was burning up.</h2></div>'))
      .toBe('The mother has described how her daughter was burning up.');
    expect(textOf(`<p>${LONG}</p><div class="caption">Photo: AP</div>`)).toBe(LONG);
  });

  test('keeps prose right after a figure: only a short unpunctuated block there is its caption', () => {
    expect(textOf('<p>One.</p><figure><img src="x.png"></figure><p>“We will rebuild,” the mayor said on Friday.</p>')).toBe('One.\n\n“We will rebuild,” the mayor said on Friday.');
    expect(textOf('<p>One.</p><figure><img src="x.png"></figure><p>The mayor spoke</p><p>Whale strandings</p>')).toBe('One.\n\nWhale strandings');
  });

  test('keeps a styled inline element inside a sentence whatever its class ("meta-org" on a company name)', () => {
    expect(textOf('<p><a class="meta-org" href="/yahoo">Yahoo</a> sold its business to <span class="promo-name">Verizon</span>.</p>')).toBe('Yahoo sold its business to Verizon.');
  });

  test('keeps a furniture-named wrapper that holds the article body itself', () => {
    expect(textOf(`<div class="story-body-supplemental"><p>${LONG}</p></div>`)).toBe(LONG);
  });

  test('leaves out the title heading and headings that repeat it', () => {
    const doc = body(`<article><h1>Budget vote</h1><div id="root"><h2>Budget vote</h2><p>${LONG}</p></div></article>`);
    const article = buildArticleText(doc.getElementById('root')!);
    expect(article.title).toBe('Budget vote');
    expect(article.text).toBe(LONG);
  });

  test('the title falls back to og:title, then the document title', () => {
    const withOg = body(`<div id="root"><p>${LONG}</p></div>`, '<meta property="og:title" content="Budget vote passes">');
    expect(buildArticleText(withOg.getElementById('root')!).title).toBe('Budget vote passes');
    const plain = body(`<div id="root"><p>${LONG}</p></div>`);
    expect(buildArticleText(plain.getElementById('root')!).title).toBe('Budget vote | City News');
  });

  test('an <h1> that shares no word with the page title is a logo, not the headline', () => {
    const doc = body(`<header><h1>CITYNEWS</h1></header><div id="root"><p>${LONG}</p></div>`);
    expect(buildArticleText(doc.getElementById('root')!).title).toBe('Budget vote | City News');
  });

  test('stops at maxChars and says so', () => {
    const doc = body(`<div id="root"><p>${LONG}</p><p>${LONG}</p></div>`);
    const article = buildArticleText(doc.getElementById('root')!, { maxChars: 100 });
    expect(article.text).toHaveLength(100);
    expect(article.truncated).toBe(true);
    expect(buildArticleText(doc.getElementById('root')!).truncated).toBe(false);
  });
});

describe('findArticleRoot', () => {
  test('picks the body over a sidebar and a comment section with text of their own', () => {
    const doc = body(`
      <div class="sidebar"><p>${LONG}</p><p>${LONG}</p></div>
      <div class="story"><div class="story-body" id="body"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div></div>
      <div id="comments"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div>`);
    const root = findArticleRoot(doc)!;
    // The body, or the wrapper it is the only child of.
    expect(root.contains(doc.getElementById('body'))).toBe(true);
    expect(root.contains(doc.querySelector('.sidebar'))).toBe(false);
    expect(root.contains(doc.getElementById('comments'))).toBe(false);
  });

  test('grows to take a body split over two wrappers', () => {
    const doc = body(`<article id="story">
      <div class="part"><div class="story-body"><p class="text">${LONG}</p><p class="text">${LONG}</p></div></div>
      <div class="ad">Advertisement</div>
      <div class="part"><div class="story-body"><p class="text">${LONG}</p><p class="text">${LONG}</p><p class="text">${LONG} ${LONG}</p></div></div>
    </article>`);
    expect(findArticleRoot(doc)!.id).toBe('story');
  });

  test('does not grow into teasers of another kind beside the body', () => {
    const doc = body(`<div id="page">
      <div class="story-body" id="body"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div>
      <div class="group"><div class="item"><p class="standfirst">${LONG}</p></div><div class="item"><p class="standfirst">${LONG}</p></div></div>
    </div>`);
    expect(findArticleRoot(doc)!.id).toBe('body');
  });

  test('is null on a page without paragraph text', () => {
    expect(findArticleRoot(body('<div><a href="/">Home</a></div>'))).toBeNull();
  });

  // cnbc: the whole page sits in layout rows named "PageBuilder-pageRow", where Readability's unlikely word
  // "pager" is found; with every paragraph left out, the page read as its "Skip Navigation" link.
  test.each([
    ['every paragraph under a block with an unlikely word in its class', `<a href="#main">Skip Navigation</a><div class="PageBuilder-pageRow"><div class="ArticleBody-articleBody" id="body"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div></div>`],
    ['a short body beside a longer one under an unlikely word', `<div class="story-body"><p>${LONG}</p></div><div class="PageBuilder-pageRow"><div id="body"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div></div>`],
  ])('looks again without the unlikely-candidate rule when it finds less than a body\'s text: %s', (_what, html) => {
    const doc = body(html);
    expect(findArticleRoot(doc)?.contains(doc.getElementById('body'))).toBe(true);
  });

  test('must not look again when the root it found holds a body\'s text, however much an unlikely block holds', () => {
    const doc = body(`<div class="story-body" id="body"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div>
      <div class="extra-reading"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div>`);
    expect(findArticleRoot(doc)!.id).toBe('body');
  });
});

describe('isProbablyArticle', () => {
  const paragraph = `<p>${LONG} ${LONG}</p>`;
  const few = paragraph.repeat(2);
  const many = paragraph.repeat(5);
  test.each([
    ['og:type article and enough text', '<meta property="og:type" content="article">', `<div>${few}</div>`, true],
    ['JSON-LD NewsArticle, even with og:type website', '<meta property="og:type" content="website"><script type="application/ld+json">{"@type": ["NewsArticle"]}</script>', few, true],
    ['an <article> element and enough text', '', `<article>${few}</article>`, true],
    // A publisher whose system calls every page a "website": read when it passes the CLI's proof (looksLikeNoArticle).
    ['og:type website, prose and no front\'s address', '<meta property="og:type" content="website">', `<article>${many}</article>`, true],
    ['og:type website on a section front', '<meta property="og:type" content="website"><link rel="canonical" href="https://news.example/news/">', `<article>${many}</article>`, false],
    ['og:type website with one paragraph', '<meta property="og:type" content="website">', `<article><p>${LONG}</p></article>`, false],
    ['too little text', '<meta property="og:type" content="article">', `<article><p>${LONG}</p></article>`, false],
    ['no signal and only some text', '', `<div>${few}</div>`, false],
    ['no signal and a lot of text', '', `<div>${many}</div>`, true],
  ])('%s → %s', (_what, head, inner, expected) => {
    expect(isProbablyArticle(body(inner, head))).toBe(expected);
  });
});

describe('looksLikeNoArticle: what the CLI refuses to read', () => {
  const prose = `<article><p>${LONG} ${LONG}</p><p>${LONG} ${LONG}</p><p>${LONG} ${LONG}</p></article>`;
  const teasers = `<ul>${['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((n) => `<li><a href="/${n}">${n}: ${LONG}</a></li>`).join('')}</ul>`;
  const teaserCards = `<div class="river">${['one', 'two', 'three', 'four'].map((n) => `<div class="card"><h3><a href="/${n}">${LONG}</a></h3><p><a href="/${n}">${LONG}</a> Read more.</p></div>`).join('')}</div>`;
  const website = '<meta property="og:type" content="website">';
  test.each([
    // sputniknews, ascom: their systems call every page a "website", their articles too.
    ['og:type website, an article address and prose', false, `${website}<link rel="canonical" href="https://news.example/columnists/201911181077343476-royal-arrogance/">`, prose],
    ['og:type website, no address and prose', false, website, prose],
    ['og:type article, whatever it holds', false, '<meta property="og:type" content="article">', teasers],
    ['JSON-LD NewsArticle with og:type website', false, `${website}<script type="application/ld+json">{"@type": "NewsArticle"}</script>`, teasers],
    ['no metadata and prose', false, '', prose],
    // yahoo-2: a section front with a story open over it.
    ['og:type website on a section front\'s address, even with a story open', true, `${website}<link rel="canonical" href="//us.news.example/news/">`, prose],
    ['og:type website on a home page\'s address', true, `${website}<meta property="og:url" content="https://news.example/">`, prose],
    ['og:type website and a list of links', true, website, teasers],
    ['og:type website and teaser cards, headline and summary both links', true, website, teaserCards],
    ['no metadata and no paragraph text', true, '', teasers],
  ])('%s → refused: %s', (_what, refused, head, inner) => {
    expect(looksLikeNoArticle(body(inner, head))).toBe(refused);
  });
});

describe('addressIsFront', () => {
  test.each([
    ['https://news.example/', true],
    ['//us.news.example/news/', true],
    ['/news/world', true],
    ['https://news.example/politik/', true],
    ['https://news.example/2019/11/20/emirates-inks-order-for-30-boeing-787-jets.html', false],
    ['https://news.example/columnists/201911181077343476-royal-self-indicting-arrogance/', false],
    ['https://news.example/classificacao-nascar/', false],
    ['https://news.example/news/world/europe', false],
    ['https://news.example/marker/54885/', false],
  ])('canonical %s → %s', (href, front) => {
    expect(addressIsFront(body('', `<link rel="canonical" href="${href}">`))).toBe(front);
  });

  test('no canonical link, no og:url and no address to go by: not a front', () => {
    expect(addressIsFront(body(''))).toBe(false);
  });
});

describe('extractArticle', () => {
  // Two paragraphs, then the rest of the body in two wrappers whose class (WordPress's "tag-…" labels of a post) names furniture,
  // neither holding half of the root: read with the class rules, only the first two paragraphs are left.
  const three = `<p>${LONG}</p><p>${LONG}</p><p>${LONG}</p>`;
  const split = `<main id="root"><p>${LONG}</p><p>${LONG}</p><div class="entry tag-diy">${three}</div><div class="entry tag-diy">${three}</div></main>`;

  test('reads the root again without the class-name rules when they left out most of it', () => {
    const doc = body(split);
    const root = findArticleRoot(doc)!;
    expect(root.id).toBe('root');
    expect(buildArticleText(root).text).toBe(`${LONG}\n\n${LONG}`);
    expect(extractArticle(doc)!.text).toBe(Array(8).fill(LONG).join('\n\n'));
  });

  test('must not read a short article again: its share bar stays out', () => {
    const doc = body(`<article><p>${LONG}</p><div class="share-tools">Share on Twitter</div><div class="related-links"><p>${LONG}</p></div></article>`);
    expect(extractArticle(doc)!.text).toBe(LONG);
  });

  test('falls back to the whole body on demand', () => {
    const doc = body('<div><span>Short text, no paragraphs.</span></div>');
    expect(extractArticle(doc)).toBeNull();
    const article = extractArticle(doc, { fallbackToBody: true })!;
    expect(article.root).toBe(doc.body);
    expect(article.text).toBe('Short text, no paragraphs.');
  });
});
