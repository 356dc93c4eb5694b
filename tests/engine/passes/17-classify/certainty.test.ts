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

function quoted(cue: string, content: string) {
  const a = attribution(cue, content, 'direct');
  return classify(`${content} ${cue}`, [a])[0].certainty!;
}

describe('certainty: hedges that govern the claim', () => {
  const rows: Array<[string, string, 'low' | 'medium', string]> = [
    ['said', 'they may have killed the leader', 'low', 'may'],
    ['said', 'the strike might have hit the convoy', 'low', 'might'],
    ['said', 'the deal could collapse next week', 'low', 'could'],
    ['said', 'the leader was possibly killed', 'low', 'possibly'],
    ['said', 'perhaps the talks will resume', 'low', 'perhaps'],
    ['said', 'the claims are unverified', 'low', 'unverified'],
    ['said', 'the death was still “being verified through various channels.”', 'low', 'being verified'],
    ['said', 'it was unclear who fired first', 'low', 'was unclear'],
    ['said', 'it is too early to tell what caused the blast', 'low', 'too early to tell'],
    ['says', 'there is a possibility that future games could be built for the platform', 'low', 'is a possibility'],
    ['said', 'the plan will probably pass', 'medium', 'probably'],
    ['said', 'the bill is likely to pass', 'medium', 'is likely to'],
    ['said', 'it appears the vote was rigged', 'medium', 'it appears'],
    ['said', 'the numbers seem off', 'medium', 'seem'],
    ['said', 'I think the economy is strong', 'medium', 'I think'],
    ['said', 'we believe the economy is strong', 'medium', 'we believe'],
    ['said', '“I don’t think it’s going anywhere,”', 'medium', 'I don’t think'],
    ['said', 'the rules are not necessarily fair', 'medium', 'not necessarily'],
    // latimes-gannett: expect = probable; spokesman-meth and buzzfeed-1: belief and hearsay in the claim.
    ['has said', 'he expects to wring as much as $300 million in savings from the combination', 'medium', 'expects to'],
    ['said', 'the tablets were believed to contain dinitrophenol', 'medium', 'were believed to'],
    ['said', 'he thought the campaign was meant to raise eyebrows', 'medium', 'he thought'],
    ['said', '“It sounded like strong black women raised him,”', 'medium', 'sounded like'],
    // Round 21's review: "looks like" opening on "what" or before a figure still hedges.
    ['said', '"What happened in Ohio looks like fraud,"', 'medium', 'looks like'],
    ['said', '"It looks like $2 billion is missing,"', 'medium', 'looks like'],
    ['said', 'the talks were sort of stuck', 'medium', 'sort of'],
    // A finding put forward by its authors (sciencealert-plumes, round 13).
    ['wrote', '“We suggest that the outgassing occurs at lower levels than previously estimated,”', 'medium', 'We suggest that'],
    ['said', 'it was a sort of truce', 'medium', 'sort of'],
    // A belief in the past tense is as much the speaker's as in the present (round 17; PolNeAR dev and train, 18 moved).
    ['said', 'she doubted voters would care', 'medium', 'she doubted'],
    ['said', 'he expected the flap to fade quickly', 'medium', 'he expected'],
    // …but a hedge standing for a clause, or set off alone, still governs it.
    ['said', 'the plan, probably, will fail', 'medium', 'probably'],
    ['said', '“Well, maybe so.”', 'low', 'maybe'],
    // Round 20, PolNeAR read as pages (batch C's read part): an outcome left open; a booster under a hedge undoes nothing.
    ['had previously said', '“We’ll see,”', 'low', 'We’ll see'],
    ['said', 'time will tell whether the plan works', 'low', 'time will tell'],
    // A time or place before the subject is no relative clause: the modal governs (round 20's review).
    ['said', '“Next year we may raise taxes on the rich,”', 'low', 'may'],
    ['said', '“At this point I might resign,”', 'low', 'might'],
    ['said', 'he expects Obama, Abe, and Park to "clearly demonstrate their unity in our commitment"', 'medium', 'he expects'],
    ['said', 'I think the plan will certainly fail', 'medium', 'I think'],
  ];
  it.each(rows)('%s “%s” → %s (evidence %s)', (cue, content, label, evidence) => {
    const certainty = certaintyOf(cue, content);
    expect(certainty.label).toBe(label);
    expect(certainty.evidence).toContain(evidence);
  });
});

describe('certainty: words that say the speaker does not know', () => {
  const rows: Array<[string, string]> = [
    ['“I don’t have a 100 percent confirmation of the information.”', 'don’t have a 100 percent confirmation'],
    ['I am not sure the vote will hold', 'I am not sure'],
    ['we do not know who sent the emails', 'do not know who'],
    ['it is not clear whether the leader died', 'is not clear'],
    ['nobody knows exactly what is going on', 'nobody knows exactly'],
    ['the death has not been confirmed', 'has not been confirmed'],
    ['officials could not confirm the number of dead', 'could not confirm'],
    // In reported speech "he was not sure" is the speaker's own doubt (a made-up battery of round 17).
    ['he was not sure the vote would pass', 'he was not sure'],
    ['that they were not sure', 'they were not sure'],
  ];
  it.each(rows)('“%s” → low', (content, evidence) => {
    const certainty = certaintyOf('said', content);
    expect(certainty.label).toBe('low');
    expect(certainty.evidence).toContain(evidence);
  });
});

describe('certainty: a negation or a denial is no doubt', () => {
  const rows: Array<[string, string]> = [
    ['said', 'she didn’t know much about Patrick before Tuesday’s event'],
    ['said', 'the president did not sound very confident'],
    ['said', 'the phone doesn’t support Dolby Vision'],
    ['denied', 'that he had met the ambassador'],
    ['said', '“Until you’ve sat at that desk, you don’t know what it’s like to manage a crisis,”'],
    // In the speaker's own quoted words "he" is someone else, whose doubt the speaker states as fact.
    ['said', '“He was not sure the vote would pass,”'],
  ];
  it.each(rows)('%s “%s” → high, nothing as evidence', (cue, content) => {
    expect(certaintyOf(cue, content)).toMatchObject({ label: 'high', evidence: [] });
  });
});

describe('certainty: boosters and flat statements are high', () => {
  const rows: Array<[string, string, string | null]> = [
    ['said', 'the report is definitely false', 'definitely'],
    ['said', 'the plan clearly failed', 'clearly'],
    ['said', 'there is no doubt the vote was fair', 'no doubt'],
    ['said', 'we know the money is gone', 'we know'],
    ['said', 'of course the deal is done', 'of course'],
    ['said', 'there was no information to corroborate the report', null],
    ['said', 'we have seen no definitive proof that this report is true', null],
    // A booster in a clause of its own after a hedge is not under it (round 20's review).
    ['said', '“It seems clear the deal is dead, and we certainly will not revive it,”', 'certainly'],
    // A booster in a relative clause is a detail, like a hedge there.
    ['said', '“There have been several past claims of this kind that have been proven false,”', null],
  ];
  it.each(rows)('%s “%s” → high', (cue, content, evidence) => {
    const certainty = certaintyOf(cue, content);
    expect(certainty.label).toBe('high');
    if (evidence) expect(certainty.evidence).toContain(evidence);
    else expect(certainty.evidence).toEqual([]);
  });
});

describe('certainty: conditions and questions', () => {
  const rows: Array<[string, string, 'low' | 'medium' | 'high']> = [
    // A claim only under a condition is low; a condition trailing a detail is not the claim's.
    ['said', 'if elected, she would raise taxes on the rich', 'low'],
    ['said', 'unless Congress acts, the program will end', 'low'],
    ['said', 'the firm would owe $65 billion in taxes if the money came back', 'high'],
    // "If you look at …" points somewhere; it sets no condition.
    ['said', '“If you look at the number of Americans killed since 9/11 by terrorism, it’s less than 100.”', 'high'],
    // Round 21: a condition on anyone at all, with a main clause in the present, states what holds in general
    // (indiewire-glasgow's Caitlyn Smith; train's labelled check items one more right)…
    ['agreed:', '“If you’re just writing a song for someone else, it’s wide open.”', 'high'],
    ['said', '“If one steps back, the answer is clear.”', 'high'],
    ['said', '“If you like your plan, you can keep it.”', 'high'],
    // …not one with "will" or "would", nor "one" standing for a thing.
    ['said', '“If you win the primary, you will be the nominee.”', 'low'],
    ['adding:', '“If one is proposed we will consider it.”', 'low'],
    ['said', '“If you elected me, I would fix it.”', 'low'],
    ['said', '“Will she actually be there?”', 'low'],
    // A question that argues asserts what it implies.
    ['said', '“Why would Trump do that?”', 'high'],
    // …and the doubt in its words is put on: "Do we really feel …?" says we do not (PolNeAR train, odd items).
    ['asks', '“Do we really feel confident about a candidate so dependent on big money interests?”', 'high'],
    ['said', '“Do you think the vote will pass?”', 'low'],
    ['asked', 'whether the report was true', 'low'],
    ['wondered', 'why the numbers were never released', 'low'],
    // A question reported inside testimony: the witness states as fact what was asked (ap-unpredictable).
    ['testified', '“I then heard President Trump ask, quote, ‘So he’s going to do the investigation?’”', 'high'],
    ['said', '"And I asked, well, on whose authority?”', 'high'],
    // A question the speaker answers at once: the answer is what they commit to (round 20; PolNeAR dev macro-F1 0.730 → 0.751).
    ['said', '“Now, is Libya perfect? It isn’t.”', 'high'],
    ['said', '“How big is that wall going to be? As big as it needs to be.”', 'high'],
    ['said', '“Will he run? Nobody knows.”', 'low'],
    ['said', '“Is it over? Maybe.”', 'low'],
    // …the answer votes however short (round 20's review).
    ['said', '“Will taxes rise? Yes.”', 'high'],
  ];
  it.each(rows)('%s “%s” → %s', (cue, content, label) => {
    expect(certaintyOf(cue, content).label).toBe(label);
  });
});

describe('certainty: the cue', () => {
  const rows: Array<[string, string, 'low' | 'medium' | 'high']> = [
    ['said', 'the vote was rigged', 'high'],
    ['suggested', 'the vote was rigged', 'medium'],
    ['speculated', 'the vote was rigged', 'medium'],
    ['believes', 'the vote was rigged', 'medium'],
    ['could represent', '30 percent of the delegates needed to win', 'low'],
    ['is unlikely to tell', 'the full story', 'medium'],
    // What is hoped for is no claim: its "could" is the wish's.
    ['hoped', 'that the two sides could settle their differences', 'medium'],
  ];
  it.each(rows)('%s “%s” → %s', (cue, content, label) => {
    expect(certaintyOf(cue, content).label).toBe(label);
  });
  it('the reporter’s framing moves nothing: “claimed”, “insisted”, “reportedly”, “presumably” are for the framing chip', () => {
    for (const cue of ['claimed', 'insisted', 'reportedly', 'presumably', 'allegedly']) {
      expect(certaintyOf(cue, 'the vote was rigged')).toMatchObject({ label: 'high', evidence: [] });
      expect(certaintyOf(cue, 'the vote may have been rigged')).toMatchObject({ label: 'low', evidence: ['may'] });
    }
    expect(certaintyOf('said', 'the leader was reportedly killed')).toMatchObject({ label: 'high', evidence: [] });
    expect(quoted('said', '“The leader was reportedly killed,”').label).toBe('low');
  });
  it('a negated cue states a fact: high, with nothing as evidence', () => {
    expect(certaintyOf('did not offer', 'a response when asked')).toMatchObject({ label: 'high', evidence: [] });
    expect(certaintyOf('have not said', 'when they would take up the bill')).toMatchObject({ label: 'high', evidence: [] });
  });
  it('a content that only names a topic is medium, the cue for what shows it', () => {
    expect(certaintyOf('spoke about', 'the death of Terence Crutcher')).toMatchObject({ label: 'medium', evidence: ['spoke about'] });
    expect(certaintyOf('discussed', 'trade and the American elections').label).toBe('medium');
    expect(certaintyOf('called', 'half of Donald Trump’s supporters “deplorables.”').label).toBe('high');
    expect(certaintyOf('described', 'it as a stable but declining resource').label).toBe('high');
  });
  it('what follows "about" is a topic, whatever verbs it holds; "on" and "of" are not read so', () => {
    expect(certaintyOf('spoke about', 'the need for Americans to recognize the positive contributions of Muslims')).toMatchObject({ label: 'medium', basis: 'topic' });
    expect(certaintyOf('made conflicting statements about', 'how he would tackle Social Security')).toMatchObject({ label: 'medium', basis: 'topic' });
    expect(certaintyOf('are angry about', 'an economy that seems to reward only the rich').basis).toBe('topic');
    expect(certaintyOf('was always in favor of', 'strict gun controls').label).toBe('high');
    expect(certaintyOf('mounted a counterattack on', 'the family foundations that owned 18 percent of the shares').label).toBe('high');
    expect(certaintyOf('said of', '“We like the idea of it, signifying tone.”').basis).toBeUndefined();
    expect(certaintyOf('said', 'about 50 other people were wounded').label).toBe('high');
  });
});

describe('certainty: a quotation of several sentences is rated on what it asserts', () => {
  it('a hedge in a later sentence does not sink a plain quotation, and is named', () => {
    const certainty = quoted('told', '"This is how epidemics begin. It\'s not just migrants. Workers will come out to communities and these diseases could spread."');
    expect(certainty.label).toBe('high');
    expect(certainty.differs).toEqual(['sentence 3 hedged: could']);
  });
  it('a hedge opening the quotation governs it', () => {
    expect(quoted('said', '"I think what she has got to do is contrast. And start talking about the issues."').label).toBe('medium');
  });
  // Round 22: the first sentence counts as two (PolNeAR train's labelled check items 0.710 → 0.725; the read sets' "I think part
  // of the reason why …" went high on two plain sentences after it).
  it('a hedge opening the quotation holds against two plain sentences after it', () => {
    expect(quoted('said', '“I think part of the reason is my record. I have worked on these issues for years. Voters have seen the results.”').label).toBe('medium');
  });
  it('of two points in contrast the speaker commits at least to the plainer one', () => {
    expect(quoted('added', '“I guess you never say never, but the gap between Sanders and Clinton is awfully large.”').label).toBe('high');
  });
  it('a hedge in a relative or adverbial clause, or in a report nested in the content, is a detail', () => {
    expect(certaintyOf('said', 'the operative changed course to avoid nurses who could leak details').label).toBe('high');
    expect(certaintyOf('say', 'they are trying to buy time through shrinkage even as their destination remains unclear').label).toBe('high');
    expect(certaintyOf('testified', 'Sondland said he had relayed to the Ukrainian that U.S. aid might be freed if the country would announce the investigations').label).toBe('high');
  });
});

describe('certainty: words that hold no claim say so (basis)', () => {
  test('a topic: medium, basis topic, the cue as what shows it', () => {
    const certainty = certaintyOf('spoke about', 'the economy');
    expect(certainty).toMatchObject({ label: 'medium', basis: 'topic', evidence: ['spoke about'] });
  });
  test('a wish: basis wish', () => {
    expect(certaintyOf('hopes', 'that the talks will resume').basis).toBe('wish');
  });
  test('a hedged claim has no basis', () => {
    expect(certaintyOf('said', 'the plan will probably pass').basis).toBeUndefined();
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
    // Round 21 (batch C's read part): "look like" with nothing after it, or after "what", is how something looked.
    ['“looked like” with nothing after it', '“Like him or not, Donald Trump has dictated what our politics has looked like,”'],
    // Round 21 (batch C's read part): an appearance something makes is asserted.
    ['“makes it seem”', 'the timing of Biden’s remark makes it seem particularly insensitive'],
    ['“made it look as if”', 'the promotional material made it look as if the drug was safe'],
    // Round 22 (the read sets: all three quotations high to their readers): a belief the speaker held before.
    ['“We thought”, a belief held before', '“We thought only Trump was an insensitive guy,”'],
    ['“what I thought I knew”', 'that the comments do not “fit with what I thought I knew about him.”'],
    ['“definitive” under a flat negative', 'we have seen no definitive proof that the report is true'],
    // "sort of" after a determiner names a kind (round 9, PolNeAR train odd items; 9 unlabelled labels moved, 8 right).
    ['“some sort of” a kind', 'every candidate favored some sort of legalization for workers'],
    ['“the sort of” a kind', 'she has the ideas to deliver the sort of change that could satisfy them'],
    ['“this sort of” a kind', 'this sort of cover-up in plain sight came from the administration'],
    // A hedge opening a verbless phrase after a comma or dash doubts that detail (sfgate-stabbing; round 9).
    ['a hedged detail after a comma', 'police are looking into whether the victim tried to stop the theft of items from another person, possibly shoes'],
    ['a hedged number in apposition', 'the victims, possibly three, were taken to hospital'],
    ['a hedged phrase between dashes', '“The debate presents an opportunity — perhaps a mandate — that she display her character,”'],
    // "suggest" without "that" is advice, not a hedge.
    ['advice with “suggest”', '“I suggest you leave before dark,”'],
    // A subject right after a noun opens a relative clause with no "that": its modal is a detail (round 20).
    ['a modal in a relative clause with no “that”', '“No president, not the greatest president you could possibly imagine, can take on the billionaire class alone,”'],
    ['“nothing we could do”', '“Nothing we could do now in Iraq would make a difference,”'],
    // "wherein" and "whereby" open a relative clause, as "where" does (medicalnewstoday, a read page).
    ['a hedge in a “wherein” clause', 'the brain does a lot of work in its idle state, wherein the brain does not appear to be thinking about anything'],
    // "see" with an object is seeing, not waiting on an outcome (round 20's review).
    ['“we see the results”', '“We will see the results tomorrow,”'],
    ['“we see growth”', '“We see growth in every region of the country,”'],
    ['“we’ll see you in court”', '“We’ll see you in court,”'],
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

describe('certainty: a sentence that asserts nothing has no vote', () => {
  // nj-meth (round 13): "Oh, no." opened the tweet and outvoted the hedged claim after it.
  test('an interjection before a hedged claim: the claim is rated', () => {
    const certainty = quoted('—', '“Oh, no. It seems like the other campaigns are just as bad.”');
    expect(certainty.label).toBe('medium');
    expect(certainty.evidence).toContain('It seems');
    expect(certainty.differs).toBeUndefined();
  });
  const rows: Array<[string, string, 'low' | 'medium' | 'high']> = [
    ['an interjection before a plain claim', '“Oh, no. The vote was rigged.”', 'high'],
    ['a content that is only an interjection keeps its rating', '“Wow, folks.”', 'high'],
    // A short sentence with a verb asserts: it keeps its vote (first sentence, plain, outweighs one hedge).
    ['a short plain sentence votes', '“It was rigged. It could get worse.”', 'high'],
    ['a short question votes', '“Is it rigged? The count may be wrong.”', 'low'],
  ];
  it.each(rows)('%s', (_name, content, label) => {
    expect(quoted('said', content).label).toBe(label);
  });
});
