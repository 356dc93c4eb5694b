/**
 * The note's form, framed: an <iframe> of note.html (the extension's origin) in place of an in-panel form,
 * so the keys the reader types are not the page's to hear (issue 21). The keyboard goes to the frame as
 * soon as it exists and again once it has loaded; note.html then puts it in the note field. What the reader
 * types is kept under `draftKey` in the note frames' drafts until it is saved or cancelled: a frame the page
 * wipes with the panel (document.open) opens again with it.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NoteFrameInit, NoteSaveRefused } from '../shared/note-frame';
import type { NoteFrames, NoteSession } from './note-frames';

interface NoteFrameProps {
  frames: NoteFrames;
  id: string;
  /** The frame's accessible name. */
  title: string;
  /** The draft's article and attribution (note-drafts.ts draftKey); null: no draft kept. */
  draftKey: string | null;
  init(): NoteFrameInit;
  /** True once sent; why not when refused (the frame stays open with the note as typed). */
  onSave(note: string, speaker: string): true | NoteSaveRefused;
  onClose(): void;
}

export function NoteFrame({ frames, id, title, draftKey, init, onSave, onClose }: NoteFrameProps) {
  const [address] = useState(() => frames.address());
  const [height, setHeight] = useState<number | null>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  // The session outlives renders; it calls the item's latest handlers.
  const latest = useRef({ draftKey, init, onSave, onClose });
  latest.current = { draftKey, init, onSave, onClose };
  useLayoutEffect(() => {
    const { drafts } = frames;
    // Saved or cancelled: a draft message still on its way (the frame goes a render later) keeps nothing.
    let done = false;
    const finish = () => {
      done = true;
      if (latest.current.draftKey !== null) drafts.clear(latest.current.draftKey);
    };
    const session: NoteSession = {
      init: () => {
        const start = latest.current.init();
        const key = latest.current.draftKey;
        const draft = key === null ? null : drafts.get(key);
        return draft ? { ...start, note: draft.note, speaker: draft.speaker } : start;
      },
      onSize: setHeight,
      onDraft: (note, speaker) => {
        const key = latest.current.draftKey;
        if (!done && key !== null) drafts.set(key, { note, speaker });
      },
      onSave: (note, speaker) => {
        const result = latest.current.onSave(note, speaker);
        if (result === true) finish();
        else session.onDraft(note, speaker);
        return result;
      },
      onClose: () => {
        finish();
        latest.current.onClose();
      },
    };
    const unregister = frames.register(address.token, session);
    frameRef.current?.focus({ preventScroll: true });
    return unregister;
  }, [frames, address]);
  return (
    <iframe
      ref={frameRef}
      class="note-frame"
      id={id}
      src={address.url}
      title={title}
      data-note-frame
      style={height === null ? undefined : { height: `${height}px` }}
      onLoad={() => frameRef.current?.focus({ preventScroll: true })}
    />
  );
}
