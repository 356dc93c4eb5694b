/** Background worker entry (service worker in Chrome, event page in Firefox). */
import { analyze } from '../engine';
import { browser } from '../shared/browser';
import type { BackgroundApi } from './api';
import { createBackground } from './background';

createBackground(browser as unknown as BackgroundApi, { analyze });
