/** Background worker entry (service worker in Chrome, event page in Firefox). */
import { analyze } from '../engine';
import { browser } from '../shared/browser';
import { createBackground } from './background';

createBackground(browser, { analyze });
