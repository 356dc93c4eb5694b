/**
 * Content script entry (bundled to extension/content.js, an IIFE). Claims the page for this instance,
 * then hands the real extension API to the controller. See controller.ts for what it does.
 */
import { browser } from '../shared/browser';
import { createContentController, type ContentController } from './controller';
import { claimPage, type InstanceClaim } from './instance';

function start(): void {
  const instanceId = Math.random().toString(36).slice(2, 10);
  let claim: InstanceClaim | null = null;
  const controller: ContentController = createContentController(document, browser, {
    instanceId,
    onDestroy: () => claim?.release(),
  });
  claim = claimPage(document, { id: instanceId, alive: controller.alive, destroy: controller.destroy });
  if (!claim) return;
  controller.start().catch(() => controller.destroy());
}

start();
