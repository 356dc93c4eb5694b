import { formatSites, parseSites, settingsFromForm } from '../../src/options/form';

describe('options: allowed sites as typed', () => {
  const rows: Array<[string, string[]]> = [
    ['example.com', ['example.com']],
    ['Example.COM', ['example.com']],
    ['https://www.bbc.co.uk/news/world', ['www.bbc.co.uk']],
    ['http://localhost:8080/a?b#c', ['localhost']],
    ['*.theguardian.com', ['theguardian.com']],
    ['a.example\nb.example, c.example  d.example', ['a.example', 'b.example', 'c.example', 'd.example']],
    ['a.example\na.example', ['a.example']],
    ['  \n\n ', []],
  ];
  test.each(rows)('%p → %p', (typed, sites) => expect(parseSites(typed)).toEqual(sites));

  const dropped: string[] = ['not_a_site!', 'exa_mple.com', '@@@', '...', 'https://'];
  test.each(dropped)('drops what is not a hostname: %p', (typed) => expect(parseSites(typed)).toEqual([]));

  test('formats one site a line and reads back the same', () => {
    const sites = ['a.example', 'b.example'];
    expect(parseSites(formatSites(sites))).toEqual(sites);
  });

  test('builds Settings from the form', () => {
    expect(settingsFromForm(false, 'https://news.example/x\n')).toEqual({ autoRun: false, allowedSites: ['news.example'] });
    expect(settingsFromForm(true, '')).toEqual({ autoRun: true, allowedSites: [] });
  });
});
