/** Overlay bundle entry: extension/overlay.js, injected before content.js in the same isolated world. */
import { installOverlay } from './install';
import { createNoteFrames, provideNoteFrames, type NoteRuntime } from './note-frames';

/**
 * The raw runtime (chrome.* in Chrome, also defined in Firefox's content scripts) rather than the
 * webextension-polyfill: this bundle is injected into every page and needs only getURL and one listener
 * that answers with sendResponse, which both browsers take as it is.
 */
const runtime = (globalThis as { chrome?: { runtime?: NoteRuntime } }).chrome?.runtime;
provideNoteFrames(runtime?.getURL ? createNoteFrames(runtime) : null);

installOverlay();
