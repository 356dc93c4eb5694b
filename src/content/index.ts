/**
 * Content script entry (bundled to extension/content.js, an IIFE). Claims the page for this instance,
 * then hands the browser's extension API (extension-api.ts) to the controller. See controller.ts for what it does.
 */
import { createContentController, type ContentController } from './controller';
import { contentApi, nativeApi } from './extension-api';
import { claimPage, type InstanceClaim } from './instance';

function start(): void {
  const native = nativeApi();
  if (!native) return;
  const instanceId = Math.random().toString(36).slice(2, 10);
  let claim: InstanceClaim | null = null;
  const controller: ContentController = createContentController(document, contentApi(native), {
    instanceId,
    // The manifest injects highlights.css with this script, and the worker inserts it before injecting it.
    staticRules: true,
    onDestroy: () => claim?.release(),
  });
  claim = claimPage(document, { id: instanceId, alive: controller.alive, destroy: controller.destroy });
  if (!claim) return;
  controller.start().catch(() => controller.destroy());
}

start();
