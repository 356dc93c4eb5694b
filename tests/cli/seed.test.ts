/**
 * The seed article, end to end through the CLI: `whosaid extract russia-isis-claim.html` must meet
 * its hand annotation (../shared/fixtures/russia-isis-claim.expected.json), matched as its `about`
 * fields say.
 */
import * as fs from 'fs';
import type { Attribution, Speaker } from '../../src/shared/attribution';
import { describeShared, sharedPath } from '../helpers/shared';
import { ensureCliBundle, jsonLines, runCli } from './cli-harness';

interface Required {
  speaker: string[];
  role?: string;
  cue?: string;
  kind?: string;
  content: string;
  sourceType?: string;
  certainty?: string;
  note?: string;
}

interface Expected {
  required: Required[];
  forbidden: string[];
  speakers: { groups: string[] };
}

interface Output {
  title: string | null;
  text: string;
  quotes: Attribution[];
  speakers: Speaker[];
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hasWords = (haystack: string, needle: string) => new RegExp(`(^|[^\\p{L}])${escape(normalise(needle))}($|[^\\p{L}])`, 'u').test(normalise(haystack));

/** The speaker's name, or the source phrase the text names them by, holds one of the listed names. */
function speakerMatches(quote: Attribution, names: string[]): boolean {
  const said = [quote.speaker?.name ?? '', quote.sources.map((s) => s.text).join(' ')];
  return names.some((name) => said.some((phrase) => hasWords(phrase, name)));
}

function contentMatches(quote: Attribution, content: string): boolean {
  const wanted = normalise(content);
  const spans = quote.contents.map((c) => normalise(c.text));
  return spans.some((span) => span.includes(wanted)) || spans.join(' ').includes(wanted);
}

/** Every condition the annotation gives for one required attribution, as [what, holds]. */
function conditions(quote: Attribution, required: Required): Array<[string, boolean]> {
  const checks: Array<[string, boolean]> = [
    ['speaker', speakerMatches(quote, required.speaker)],
    ['content', contentMatches(quote, required.content)],
    // Every required attribution of the seed is listed by default, not behind "less sure".
    ['shown', quote.shown !== false],
  ];
  if (required.cue) checks.push(['cue', quote.cue !== null && hasWords(quote.cue.text, required.cue)]);
  if (required.kind) checks.push(['kind', quote.kind === required.kind]);
  if (required.sourceType) checks.push(['sourceType', quote.speaker?.type === required.sourceType]);
  if (required.certainty) checks.push(['certainty', quote.certainty?.label === required.certainty]);
  return checks;
}

function describeQuote(quote: Attribution): string {
  return JSON.stringify({
    speaker: quote.speaker?.name, type: quote.speaker?.type, role: quote.speaker?.role, cue: quote.cue?.text,
    kind: quote.kind, certainty: quote.certainty?.label, content: quote.contents.map((c) => c.text).join(' … '),
  });
}

describeShared('seed article: whosaid extract russia-isis-claim.html', () => {
  const expected = JSON.parse(fs.readFileSync(sharedPath('fixtures', 'russia-isis-claim.expected.json'), 'utf8')) as Expected;
  let output: Output;

  beforeAll(async () => {
    await ensureCliBundle();
    const run = await runCli(['extract', sharedPath('fixtures', 'russia-isis-claim.html')], { timeoutMs: 30_000 });
    if (run.code !== 0) throw new Error(`whosaid exited ${run.code}: ${run.stderr}`);
    [output] = jsonLines<Output>(run.stdout);
  }, 90_000);

  test('the article text is the body, with its title', () => {
    expect(output.title).toMatch(/Russia Claims They Killed ISIS Leader/);
    expect(output.text).toContain('Russia announced that they may have killed the leader of ISIS');
  });

  test.each(expected.required.map((required) => [`${required.speaker[0]} ${required.cue ?? '(no cue)'}: ${required.content}`, required] as const))(
    'required: %s',
    (_label, required) => {
      const candidates = output.quotes.filter((quote) => contentMatches(quote, required.content));
      const full = candidates.find((quote) => conditions(quote, required).every(([, holds]) => holds));
      if (!full) {
        const why = candidates.length === 0
          ? 'no attribution has this content'
          : candidates.map((q) => `${describeQuote(q)} fails ${conditions(q, required).filter(([, holds]) => !holds).map(([what]) => what).join(', ')}`).join('\n');
        throw new Error(`not found: ${JSON.stringify(required)}\n${why}`);
      }
    },
  );

  test.each(expected.required.filter((r) => r.role).map((r) => [r.speaker[0], r.role!, r] as const))(
    'required role: %s is "%s"',
    (_name, role, required) => {
      const quote = output.quotes.find((q) => contentMatches(q, required.content) && speakerMatches(q, required.speaker));
      expect(quote?.speaker?.role ?? '').toMatch(new RegExp(escape(role), 'i'));
    },
  );

  test.each(expected.forbidden.map((text) => [text]))('forbidden: "%s" is in no attribution', (text) => {
    for (const quote of output.quotes) {
      const said = [quote.cue?.text ?? '', ...quote.sources.map((s) => s.text), ...quote.contents.map((c) => c.text), quote.speaker?.name ?? ''];
      for (const phrase of said) expect(phrase).not.toContain(text);
    }
  });

  test.each(expected.speakers.groups.map((name) => [name]))('group: "%s" heads exactly one speaker group', (name) => {
    const surname = name.split(' ').pop()!;
    const groups = output.speakers.filter((speaker) => hasWords(speaker.name, surname));
    expect(groups.map((g) => normalise(g.name))).toEqual([normalise(name)]);
  });
});
