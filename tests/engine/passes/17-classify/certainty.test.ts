import type { Attribution } from '../../../../src/shared/attribution';
import { classify } from '../../../../src/engine/passes/17-classify';
import { maskTitles } from '../../../../src/engine/passes/17-classify/certainty';

/** An attribution with one cue and one content, offsets in a text "<content> <cue>". */
function attribution(cue: string, content: string, kind: Attribution['kind'] = 'indirect'): Attribution {
  return {
    id: 't',
    cue: { start: content.length + 1, end: content.length + 1 + cue.length, text: cue },
    sources: [{ start: 0, end: 0, text: 'X' }],
    contents: [{ start: 0, end: content.length, text: content }],
    kind,
    speaker: null,
    confidence: 0.8,
  };
}

function certaintyOf(cue: string, content: string) {
  return classify(`${content} ${cue}`, [attribution(cue, content)])[0].certainty!;
}

describe('certainty: hedges and epistemic modals pull down', () => {
  const rows: Array<[string, string, 'low' | 'medium', string]> = [
    ['said', 'they may have killed the leader', 'low', 'may'],
    ['said', 'the strike might have hit the convoy', 'low', 'might'],
    ['said', 'the deal could collapse next week', 'low', 'could'],
    ['said', 'the leader was possibly killed', 'low', 'possibly'],
    ['said', 'perhaps the talks will resume', 'low', 'perhaps'],
    ['said', 'the leader was reportedly killed', 'low', 'reportedly'],
    ['said', 'the claims are unverified', 'low', 'unverified'],
    ['said', 'the death was still “being verified through various channels.”', 'low', 'being verified'],
    ['said', 'it was unclear who fired first', 'low', 'unclear'],
    ['said', 'it is too early to tell what caused the blast', 'low', 'too early to tell'],
    ['said', 'the plan will probably pass', 'medium', 'probably'],
    ['said', 'the bill is likely to pass', 'medium', 'likely'],
    ['said', 'it appears the vote was rigged', 'medium', 'it appears'],
    ['said', 'the numbers seem off', 'medium', 'seem'],
    ['said', 'I think the economy is strong', 'medium', 'I think'],
    ['said', '“I don’t think it’s going anywhere,”', 'medium', 'I don’t think'],
    ['said', 'the rules are not necessarily fair', 'medium', 'not necessarily'],
  ];
  it.each(rows)('%s “%s” → %s (evidence %s)', (cue, content, label, evidence) => {
    const certainty = certaintyOf(cue, content);
    expect(certainty.label).toBe(label);
    expect(certainty.evidence).toContain(evidence);
  });
});

describe('certainty: boosters and flat statements are high', () => {
  const rows: Array<[string, string, string | null]> = [
    ['said', 'the report is definitely false', 'definitely'],
    ['said', 'the plan clearly failed', 'clearly'],
    ['said', 'there is no doubt the vote was fair', 'no doubt'],
    ['said', '“There have been several past claims of this kind that have been proven false,”', 'proven'],
    ['said', 'we know the money is gone', 'we know'],
    ['said', 'of course the deal is done', 'of course'],
    ['said', 'there was no information to corroborate the report', null],
    ['said', 'we have seen no definitive proof that this report is true', null],
  ];
  it.each(rows)('%s “%s” → high', (cue, content, evidence) => {
    const certainty = certaintyOf(cue, content);
    expect(certainty.label).toBe('high');
    if (evidence) expect(certainty.evidence).toContain(evidence);
    else expect(certainty.evidence).toEqual([]);
  });
});

describe('certainty: negation turns a booster into a hedge', () => {
  const rows: Array<[string, string]> = [
    ['“I don’t have a 100 percent confirmation of the information.”', 'don’t have a 100 percent'],
    ['I am not sure the vote will hold', 'not sure'],
    ['we do not know who sent the emails', 'not know'],
    ['it is not clear whether the leader died', 'not clear'],
    ['nobody knows exactly what is going on', 'nobody knows'],
    ['the death has not been confirmed', 'not been confirmed'],
  ];
  it.each(rows)('“%s” → low', (content, evidence) => {
    const certainty = certaintyOf('said', content);
    expect(certainty.label).toBe('low');
    expect(certainty.evidence).toContain(evidence);
  });
});

describe('certainty: conditionals and questions', () => {
  const rows: Array<[string, string, 'low' | 'medium' | 'high']> = [
    ['said', 'if elected, she would raise taxes on the rich', 'medium'],
    ['said', 'unless Congress acts, the program will end', 'medium'],
    ['said', 'the firm would owe $65 billion in taxes if the money came back', 'high'],
    ['said', '“Why would Trump do that? And will she actually be there?”', 'low'],
    ['asked', 'whether the report was true', 'low'],
    ['wondered', 'why the numbers were never released', 'low'],
  ];
  it.each(rows)('%s “%s” → %s', (cue, content, label) => {
    expect(certaintyOf(cue, content).label).toBe(label);
  });
});

describe('certainty: the cue verb counts', () => {
  const rows: Array<[string, string, 'low' | 'medium' | 'high']> = [
    ['said', 'the vote was rigged', 'high'],
    ['claimed', 'the vote was rigged', 'high'],
    ['suggested', 'the vote was rigged', 'medium'],
    ['speculated', 'the vote was rigged', 'medium'],
    ['believes', 'the vote was rigged', 'medium'],
    ['insisted', 'the vote may have been rigged', 'medium'],
    ['claimed', 'the vote may have been rigged', 'low'],
  ];
  it.each(rows)('%s “%s” → %s', (cue, content, label) => {
    expect(certaintyOf(cue, content).label).toBe(label);
  });
  it('a distancing cue scores below a neutral one, an emphatic one above', () => {
    const said = certaintyOf('said', 'the vote may have been rigged').score;
    expect(certaintyOf('claimed', 'the vote may have been rigged').score).toBeLessThan(said);
    expect(certaintyOf('insisted', 'the vote may have been rigged').score).toBeGreaterThan(said);
    expect(certaintyOf('confirmed', 'the vote may have been rigged').score).toBeGreaterThan(said);
  });
  it('a hedge that is the cue itself counts', () => {
    expect(certaintyOf('presumably', 'with the couple’s consent')).toMatchObject({ label: 'medium', evidence: ['presumably'] });
    expect(certaintyOf('reportedly', 'the leader was killed in the strike').label).toBe('low');
  });
  it('a negated cue asserts nothing: medium', () => {
    expect(certaintyOf('have not said', 'when they would take up the bill').label).toBe('medium');
    expect(certaintyOf('refused to pledge', 'to release his tax returns').label).toBe('medium');
  });
  it('a content that only names a topic is medium', () => {
    expect(certaintyOf('spoke about', 'the death of Terence Crutcher').label).toBe('medium');
    expect(certaintyOf('discussed', 'trade and the American elections').label).toBe('medium');
    expect(certaintyOf('called', 'half of Donald Trump’s supporters “deplorables.”').label).toBe('high');
  });
});

describe('certainty: words that must NOT move the score', () => {
  const rows: Array<[string, string]> = [
    ['a “may” inside a quoted title', 'he recommended the book “You May Be Wrong” to every senator'],
    ['a “might” inside a quoted title', 'the film ‘What Might Have Been’ opens Friday'],
    ['“no” in “no-fly zone”', 'the no-fly zone was enforced over the city'],
    ['May the month', 'the strike took place on May 28 near Raqqa'],
    ['May the month, mid-sentence', 'the vote was held in May and the results were final'],
    ['“might” the noun', 'Russia flexed its military might in the region'],
    ['“might” the noun, with all', 'they pushed with all their might against the bill'],
    ['“could not”, a flat past', 'he could not attend the hearing'],
    ['“if” in “as if”', 'he acted as if nothing had happened'],
    ['“if” in “even if”', 'the law stands even if the court objects'],
    ['“asked if”', 'reporters asked if the deal was done and he confirmed it'],
    ['“no” in a flat denial', 'there was no information to corroborate the report'],
    ['a modal in a relative clause (a detail)', 'the operative changed course to avoid nurses who could leak details'],
    ['“definitive” under a flat negative', 'we have seen no definitive proof that the report is true'],
  ];
  it.each(rows)('%s', (_name, content) => {
    const certainty = certaintyOf('said', content);
    expect(certainty.evidence).toEqual([]);
    expect(certainty.score).toBe(0.75);
    expect(certainty.label).toBe('high');
  });
  it('masks a quoted title but keeps a quoted sentence', () => {
    expect(maskTitles('the book “You May Be Wrong” is out')).not.toMatch(/May/);
    expect(maskTitles('he said “we may leave soon,” and left')).toMatch(/may/);
  });
});
