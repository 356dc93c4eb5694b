/**
 * Pass 8, split quotations: the second half of a quotation the tagger left to no one joins the attribution
 * whose first half ends before the cue (“A,” X said, <aside>. “B.”), and a quotation right after a dashed
 * "— according to X —" aside finishes that attribution's content.
 */
import { quotationBeforeItsCue, splitQuotations } from '../../../src/engine/passes/08-split-quotations';
import { tokenize } from '../../../src/engine/core';
import type { Attribution } from '../../../src/shared/attribution';
import { texts, upTo } from '../../helpers/passes';

/** The contents of the attribution whose cue starts with `cue`, after the pass. */
const contentsOf = (text: string, cue: string): string[] =>
  texts(upTo(splitQuotations, text).found.find((attribution) => attribution.cue?.text.startsWith(cue))?.contents ?? []);

describe('joinQuotationAfterAside: “A,” X said, <aside>. “B.” — B is the same speaker’s', () => {
  test.each([
    ['a participle aside', '“You can’t talk about change if you don’t know what we’re changing,” DuVernay said, emphasizing why our past is crucial. “What we need to change is our collective thinking.”',
      ['“You can’t talk about change if you don’t know what we’re changing,”', '“What we need to change is our collective thinking.”']],
    ['a participle cue of its own in the aside', '"We remain open to credible talks," he said, referring to the country\'s official name. "Sadly, the DPRK has chosen a different path."',
      ['"We remain open to credible talks,"', '"Sadly, the DPRK has chosen a different path."']],
    ['a titled source and a long scene after the cue', '"Subpoenas are not optional," panel Chairman Rep. Jason Chaffetz (R-Utah) said after Pagliano failed to show up at the second committee hearing he was formally called to in the past two weeks. "Mr. Pagliano is a crucial fact witness."',
      ['"Subpoenas are not optional,"', '"Mr. Pagliano is a crucial fact witness."']],
    ['a sentence of narration between', '“We’ve had problems with cyber intrusions from Russia in the past,” Obama said after meeting with Russian President Vladimir Putin. He didn’t suggest retaliation. “Our goal is to start instituting some norms.”',
      ['“We’ve had problems with cyber intrusions from Russia in the past,”', '“Our goal is to start instituting some norms.”']],
  ])('%s', (_what, text, expected) => {
    expect(contentsOf(text, 'said')).toEqual(expected);
  });

  test.each([
    ['a phrase inside the next sentence', '“We will not back down,” Rubio said on Thursday. The senator once sat with the group that put “a path to citizenship” in the bill.'],
    ['a quotation with a cue of its own', '“We will not back down,” Rubio said on Thursday. Cruz replied: “He already has.”'],
    ['a quotation in the next paragraph (a follow-on, not a split)', '“We will not back down,” Rubio said on Thursday.\n\n“He already has.”'],
    ['a title in capitals in the same sentence', '“We will not back down,” Rubio said later, appearing on “Fox and Friends.”'],
    ['a title right after the cue', '“We will not back down,” Rubio said later on “Fox and Friends.”'],
  ])('not joined: %s', (_what, text) => {
    expect(contentsOf(text, 'said')).toEqual(['“We will not back down,”']);
  });

  // Round 21 (batch C's read part): pass 7 found the first half with a verb the tagger missed; pass 8, after it, joins the second.
  test('a quotation whose cue pass 7 found: “A,” a voice-over in the ad states. “B.”', () => {
    const text = '“They know Hillary is strong enough to stop Wall Street abuses,” a voice-over in the ad states. “She’ll stand up to the gun lobby and take on the NRA.”';
    expect(contentsOf(text, 'states')).toEqual(['“They know Hillary is strong enough to stop Wall Street abuses,”', '“She’ll stand up to the gun lobby and take on the NRA.”']);
  });

  test('not after a report with no quotation of its own before the cue', () => {
    expect(contentsOf('Tester said the deal was bad, referring to the 1 percent excuse. “We will vote no.”', 'said')).toEqual(['the deal was bad']);
  });
});

describe('quotationBeforeItsCue: a quotation handing on to the source and cue right after it is theirs', () => {
  const attributions = (text: string): Array<[string, string[]]> =>
    upTo(splitQuotations, text).found.map((attribution) => [attribution.cue?.text ?? '', texts(attribution.contents)]);

  test('a question moved to "asked"; the answer after it is no one’s', () => {
    expect(attributions('“He should get the award,” Trump said. “But why?” reporter Jackie Nespral asked him. “When he took the soldiers out.”')).toEqual([
      ['said', ['“He should get the award,”']],
      ['asked', ['“But why?”']],
    ]);
  });

  /** Hand-built attributions over `text`: each [cue, source, contents] given by the words, found in order. */
  const built = (text: string, rows: Array<[string, string, string[]]>): Attribution[] => {
    const span = (words: string, from = 0) => {
      const start = text.indexOf(words, from);
      return { start, end: start + words.length, text: words };
    };
    return rows.map(([cue, source, contents], k) => {
      const contentSpans = contents.map((words) => span(words));
      const sourceSpan = span(source);
      const cueSpan = span(cue, sourceSpan.end);
      return { id: `q${k}`, cue: cueSpan, sources: [sourceSpan], contents: contentSpans, kind: 'direct', speaker: null, confidence: 0.9 } as unknown as Attribution;
    });
  };
  const moved = (text: string, rows: Array<[string, string, string[]]>): string[][] => {
    const found = built(text, rows);
    quotationBeforeItsCue(text, tokenize(text), found);
    return found.map((attribution) => texts(attribution.contents));
  };

  test('moved to a cue with no words of its own in its sentence', () => {
    const text = '“It is over,” Smith said. “And you want us to repeat it?” Ms. Patel asked. “No.”';
    expect(moved(text, [['said', 'Smith', ['“It is over,”', '“And you want us to repeat it?”']], ['asked', 'Ms. Patel', ['“No.”']]]))
      .toEqual([['“It is over,”'], ['“And you want us to repeat it?”']]);
  });

  test.each([
    ['a cue with words of its own in its sentence: a new sentence after the question',
      '“It is over,” Smith said. “And you want us to repeat it?” Ms. Patel said that these accounts may be of value.',
      [['said', 'Smith', ['“It is over,”', '“And you want us to repeat it?”']], ['said', 'Ms. Patel', ['that these accounts may be of value']]]],
    ['a cue further from its source than the next word',
      '“It is over,” Smith said. “And you want us to repeat it?” Ms. Patel, for her part, said nothing.',
      [['said', 'Smith', ['“It is over,”', '“And you want us to repeat it?”']], ['said nothing', 'Ms. Patel', []]]],
    ['a quotation closed by a full stop',
      '“It is over,” Smith said. “And we will repeat it.” Ms. Patel said.',
      [['said', 'Smith', ['“It is over,”', '“And we will repeat it.”']], ['said', 'Ms. Patel', []]]],
  ] as Array<[string, string, Array<[string, string, string[]]>]>)('not moved: %s', (_what, text, rows) => {
    expect(moved(text, rows)).toEqual(rows.map(([, , contents]) => contents));
  });
});

describe('quotationAfterDashedAside: "— according to X — “…”" finishes the content', () => {
  test('the quotation after the closing dash joins the content, and the kind is mixed', () => {
    const text = 'There would be a code including — according to the explanatory notes of the British Bill — “provision to protect the public interest in the confidentiality of journalistic sources.”';
    const quote = upTo(splitQuotations, text).found.find((q) => q.cue?.text.startsWith('according'));
    expect(texts(quote?.contents ?? [])).toEqual(['There would be a code including', '“provision to protect the public interest in the confidentiality of journalistic sources.”']);
    expect(quote?.kind).toBe('mixed');
  });

  test('not without the dash before the quotation', () => {
    const text = 'There would be a code, according to the explanatory notes of the British Bill. “Provision to protect the public interest is not enough,” critics said.';
    expect(contentsOf(text, 'according')).toEqual(['There would be a code']);
  });
});
