/**
 * The note's form, framed: an <iframe> of note.html (the extension's origin) in place of an in-panel form,
 * so the keys the reader types are not the page's to hear (issue 21). The keyboard goes to the frame as
 * soon as it exists and again once it has loaded; note.html then puts it in the note field.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NoteFrameInit } from '../shared/note-frame';
import type { NoteFrames, NoteSession } from './note-frames';

interface NoteFrameProps {
  frames: NoteFrames;
  id: string;
  /** The frame's accessible name. */
  title: string;
  init(): NoteFrameInit;
  onSave(note: string, speaker: string): void;
  onClose(): void;
}

export function NoteFrame({ frames, id, title, init, onSave, onClose }: NoteFrameProps) {
  const [address] = useState(() => frames.address());
  const [height, setHeight] = useState<number | null>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  // The session outlives renders; it calls the item's latest handlers.
  const latest = useRef({ init, onSave, onClose });
  latest.current = { init, onSave, onClose };
  useLayoutEffect(() => {
    const session: NoteSession = {
      init: () => latest.current.init(),
      onSize: setHeight,
      onSave: (note, speaker) => latest.current.onSave(note, speaker),
      onClose: () => latest.current.onClose(),
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
