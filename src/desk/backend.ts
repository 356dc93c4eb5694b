/** The desk page's backend over the one storage manager: what `Desk` needs, for the page, the bench and tests alike. */
import type { DeskStore } from '../shared/desk/store';
import type { DeskBackend } from './Desk';

export function storeBackend(store: DeskStore, extra: Pick<DeskBackend, 'version' | 'save'> & Partial<Pick<DeskBackend, 'onChange' | 'now'>>): DeskBackend {
  return {
    load: () => store.load(),
    preview: (rows) => store.preview(rows),
    review: (article, claim, patch) => store.review(article, claim, patch),
    setSettings: (settings) => store.setSettings(settings),
    eraseAll: () => store.eraseAll(),
    importAll: (articles, settings) => store.importAll(articles, settings),
    mergeArticles: (articles) => store.mergeArticles(articles),
    ...extra,
  };
}
