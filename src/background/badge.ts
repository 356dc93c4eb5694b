/** The toolbar badge: how many speakers WhoSaid found on the tab's page; empty when none or no article. */
import type { BackgroundApi } from './api';

const BADGE_COLOUR = '#3b3fb5';

export function badgeText(speakers: number): string {
  if (speakers <= 0) return '';
  return speakers > 99 ? '99+' : String(speakers);
}

export async function showSpeakerCount(action: BackgroundApi['action'], tabId: number, speakers: number): Promise<void> {
  const text = badgeText(speakers);
  if (text) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  await action.setBadgeText({ tabId, text });
}

export async function clearBadge(action: BackgroundApi['action'], tabId: number): Promise<void> {
  await action.setBadgeText({ tabId, text: '' });
}
