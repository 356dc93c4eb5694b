import * as fs from 'fs';
import { cueLemma, lemmatize } from '../../../../src/engine/lexicon';
import { framingOf, framingOfCue } from '../../../../src/engine/passes/17-classify/framing';
import lexicon from '../../../../src/engine/passes/17-classify/framing-lexicon.json';
import { describeShared, sharedPath } from '../../../helpers/shared';

describe('cueLemma', () => {
  const rows: Array<[string, string]> = [
    ['said', 'say'], ['says', 'say'], ['saying', 'say'], ['has said', 'say'], ['said in a statement', 'say'],
    ['told', 'tell'], ['according to', 'according to'], ['According to', 'according to'],
    ['called for', 'call for'], ['pointed out', 'point out'], ['then pointed out', 'point out'], ['referring to', 'refer to'],
    ['noted', 'note'], ['added', 'add'], ['admitted', 'admit'], ['argued', 'argue'], ['urged', 'urge'],
    ['acknowledged', 'acknowledge'], ['announced', 'announce'], ['quoted', 'quote'], ['agreed', 'agree'],
    ['required', 'require'], ['stressed', 'stress'], ['denied', 'deny'], ['replies', 'reply'], ['insists', 'insist'],
    ['cited', 'cite'], ['wrote', 'write'], ['concluded', 'conclude'], ['described', 'describe'], ['developed', 'develop'],
    ['doesn’t believe', 'believe'], ['is expected', 'expect'], ['was quick to add', 'quick'], [':', ':'],
    ['reportedly', 'reportedly'], ['warned of', 'warn of'], ['in effect daring', 'dare'], ['titled', 'title'],
  ];
  it.each(rows)('%s → %s', (cue, lemma) => {
    expect(cueLemma(cue)).toBe(lemma);
  });
  const nouns: Array<[string, string]> = [['questions', 'question'], ['attacks', 'attack'], ['news', 'news'], ['focus', 'focus'], ['always', 'always']];
  it.each(nouns)('lemmatize %s → %s', (word, lemma) => {
    expect(lemmatize(word)).toBe(lemma);
  });
});

describe('framingOf', () => {
  const rows: Array<[string, string]> = [
    ['said', 'neutral'], ['told', 'neutral'], ['according to', 'neutral'], ['wrote', 'neutral'], [':', 'neutral'],
    ['claimed', 'distancing'], ['alleged', 'distancing'], ['purported', 'distancing'],
    ['confirmed', 'endorsing'], ['revealed', 'endorsing'], ['acknowledged', 'endorsing'], ['admitted', 'endorsing'], ['noted', 'endorsing'], ['pointed out', 'endorsing'],
    ['insisted', 'emphatic'], ['stressed', 'emphatic'], ['declared', 'emphatic'],
    ['urged', 'directive'], ['warned', 'directive'], ['called for', 'directive'], ['warned of', 'directive'],
    ['suggested', 'tentative'], ['speculated', 'tentative'], ['hinted', 'tentative'],
  ];
  it.each(rows)('%s → %s', (cue, framing) => {
    expect(framingOf(cueLemma(cue))).toBe(framing);
  });
  const notDistancing: Array<[string]> = [['called'], ['said of'], ['asked'], ['reported']];
  it.each(notDistancing)('%s is not distancing or tentative', (cue) => {
    expect(['distancing', 'tentative']).not.toContain(framingOf(cueLemma(cue)));
  });
  it('an unseen lemma is neutral', () => {
    expect(framingOf('zorble')).toBe('neutral');
  });
});

describe('framingOfCue: the reporter’s adverb of distance in the cue frames it, whatever its verb', () => {
  const rows: Array<[string, string]> = [
    ['allegedly told', 'distancing'], ['reportedly said', 'distancing'], ['has reportedly told', 'distancing'], ['supposedly warned', 'distancing'],
    ['told', 'neutral'], ['publicly said', 'neutral'], ['insisted', 'emphatic'],
  ];
  it.each(rows)('%s → %s', (cue, framing) => {
    expect(framingOfCue(cue, cueLemma(cue))).toBe(framing);
  });
});

describeShared('framing lexicon coverage of PolNeAR train', () => {
  it('classes every train cue lemma seen three times or more', () => {
    const counts = new Map<string, number>();
    for (const line of fs.readFileSync(sharedPath('data', 'polnear', 'train.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      for (const gold of JSON.parse(line).attributions as Array<{ cue: Array<{ text: string }> }>) {
        if (!gold.cue.length) continue;
        const lemma = cueLemma(gold.cue.map((span) => span.text).join(' '));
        counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
      }
    }
    const classes = (lexicon as { classes: Record<string, string> }).classes;
    const frequent = [...counts].filter(([, count]) => count >= 3).map(([lemma]) => lemma);
    expect(frequent.length).toBeGreaterThan(100);
    expect(frequent.filter((lemma) => !(lemma in classes))).toEqual([]);
    const valid = new Set(['neutral', 'distancing', 'endorsing', 'emphatic', 'directive', 'tentative']);
    expect(Object.values(classes).filter((framing) => !valid.has(framing))).toEqual([]);
  });
});
