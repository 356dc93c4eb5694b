/**
 * Notes being typed and not yet saved, each under its article and attribution (issue 21): a page that wipes
 * the panel (document.open and write, then the overlay rebuilt) must not take the reader's half-typed note
 * with it. The note frame hands over what its form holds at each change (NOTE_FRAME_DRAFT); opening the same
 * attribution's note again fills the form with it. A draft goes when it is saved or cancelled.
 *
 * Where: in memory, in the overlay bundle's isolated world (one store per world, made by index.tsx with the
 * note frames). The page's scripts cannot read that world, and it outlives the panel's DOM: document.open()
 * keeps the window and its worlds, only the document's nodes go. It dies with the document, so nothing is
 * left behind to clean up, nothing is written to disk, and no other tab sees it. (storage.session, from the
 * frame's own origin, would also be out of the page's reach, but outlives the tab and is shared by every tab
 * of the same article: more to clear, and two tabs' drafts of the same note would overwrite each other.)
 */

export interface NoteDraft {
  note: string;
  speaker: string;
}

export interface NoteDrafts {
  get(key: string): NoteDraft | null;
  set(key: string, draft: NoteDraft): void;
  clear(key: string): void;
  readonly size: number;
}

/** Drafts kept at most: the oldest touched goes first (a reader has a few notes open, not hundreds). */
export const MAX_DRAFTS = 50;

/** The key of an attribution's draft: its article's address and its stable key (`data-attribution`). */
export function draftKey(articleUrl: string, attributionKey: string): string {
  return `${articleUrl}\n${attributionKey}`;
}

export function createNoteDrafts(limit: number = MAX_DRAFTS): NoteDrafts {
  // A Map iterates in insertion order: deleting before setting makes the first key the least recently typed.
  const drafts = new Map<string, NoteDraft>();
  return {
    get(key) {
      const draft = drafts.get(key);
      return draft ? { ...draft } : null;
    },
    set(key, draft) {
      drafts.delete(key);
      drafts.set(key, { note: draft.note, speaker: draft.speaker });
      while (drafts.size > limit) drafts.delete(drafts.keys().next().value as string);
    },
    clear(key) {
      drafts.delete(key);
    },
    get size() {
      return drafts.size;
    },
  };
}
