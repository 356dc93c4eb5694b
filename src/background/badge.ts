/**
 * The toolbar badge: how many speakers WhoSaid found on the tab's page (the count the pill shows as
 * "N speakers"); empty when none or no article. The button's title says what the number is.
 */
import { plural } from '../shared/words';
import type { BackgroundApi } from './api';

const BADGE_COLOUR = '#3b3fb5';

export function badgeText(speakers: number): string {
  if (speakers <= 0) return '';
  return speakers > 99 ? '99+' : String(speakers);
}

/** The button's title: what the badge counts, in the pill's words. */
export function badgeTitle(speakers: number, quotes: number): string {
  if (speakers <= 0) return DEFAULT_TITLE;
  return `WhoSaid: ${plural(speakers, 'speaker')} (badge), ${plural(quotes, 'quote')} on this page. Click to open or close the panel.`;
}

const DEFAULT_TITLE = 'WhoSaid: who said what on this page';

export async function showSpeakerCount(action: BackgroundApi['action'], tabId: number, speakers: number, quotes = 0): Promise<void> {
  const text = badgeText(speakers);
  if (text) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  await action.setBadgeText({ tabId, text });
  await action.setTitle?.({ tabId, title: badgeTitle(speakers, quotes) });
}

export async function clearBadge(action: BackgroundApi['action'], tabId: number): Promise<void> {
  await action.setBadgeText({ tabId, text: '' });
  await action.setTitle?.({ tabId, title: DEFAULT_TITLE });
}
