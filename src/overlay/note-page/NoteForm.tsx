/**
 * The note form, in note.html: the note and a corrected speaker. It opens with the keyboard in the note
 * (the reader asked to type); Ctrl+Enter (Cmd+Enter) saves from either field, Escape closes. The values
 * go to the overlay as typed: at each change (`onDraft`, kept out of the page's reach so a rebuilt panel
 * gives them back) and when saved; the overlay trims them and decides what is a correction.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { NoteFrameInit } from '../../shared/note-frame';

interface NoteFormProps {
  init: NoteFrameInit;
  /** What the form holds, after each change the reader makes. */
  onDraft?(note: string, speaker: string): void;
  onSave(note: string, speaker: string): void;
  onClose(): void;
}

export function NoteForm({ init, onDraft, onSave, onClose }: NoteFormProps) {
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const speakerRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const note = noteRef.current;
    const view = note?.ownerDocument.defaultView;
    if (!note || !view) return undefined;
    const doc = note.ownerDocument;
    // Only while nothing else has the keyboard: a field the reader moved to keeps it.
    const unplaced = () => !doc.activeElement || doc.activeElement === doc.body;
    const focusNote = () => {
      if (unplaced()) note.focus();
    };
    focusNote();
    // Chrome ignores focus() in a frame that does not have the keyboard yet: again when the panel hands it over.
    view.addEventListener('focus', focusNote);
    // And a focus given while the frame was still being laid out can be lost with the frame focused (CI, loaded
    // host: the frame had the keyboard, its body the focus): a few frames more, while nothing has it.
    let tries = 0;
    let frame = 0;
    const retry = () => {
      focusNote();
      if (unplaced() && ++tries < 30) frame = view.requestAnimationFrame?.(retry) ?? 0;
    };
    if (unplaced()) frame = view.requestAnimationFrame?.(retry) ?? 0;
    return () => {
      view.removeEventListener('focus', focusNote);
      view.cancelAnimationFrame?.(frame);
    };
  }, []);
  const save = () => onSave(noteRef.current?.value ?? '', speakerRef.current?.value ?? '');
  const draft = () => onDraft?.(noteRef.current?.value ?? '', speakerRef.current?.value ?? '');
  return (
    <form
      class="note-form"
      aria-label={`Your note on the quote from ${init.who}`}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onInput={draft}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          save();
        }
      }}
    >
      <label>
        Your note
        <textarea name="note" rows={3} ref={noteRef} defaultValue={init.note} />
      </label>
      <label>
        Speaker (correct it if WhoSaid got it wrong)
        <input name="speaker" type="text" ref={speakerRef} defaultValue={init.speaker} />
      </label>
      <span class="note-actions">
        <button type="submit" data-save-note>
          Save
        </button>
        <button type="button" data-cancel-note onClick={onClose}>
          Cancel
        </button>
      </span>
    </form>
  );
}
