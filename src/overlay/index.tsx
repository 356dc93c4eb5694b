/** Overlay bundle entry: extension/overlay.js, injected before content.js in the same isolated world. */
import { installOverlay } from './install';

installOverlay();
