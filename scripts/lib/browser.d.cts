import type { BrowserContext, Page, Worker } from 'playwright-core';

export declare const ROOT: string;
export declare const EXTENSION_DIR: string;
export declare const OVERLAY_TAG: string;
export declare function findChromium(): string | null;
export declare function serveFolders(mounts: Record<string, string>): Promise<{ origin: string; close(): Promise<void> }>;
export declare function chromiumArgs(options: { extensionDir: string | null; headless: boolean }): string[];
export interface LaunchedBrowser {
  context: BrowserContext;
  profileDir: string;
  close(): Promise<void>;
}
export declare function launchBrowser(options?: {
  extensionDir?: string | null;
  headless?: boolean;
  viewport?: { width: number; height: number };
}): Promise<LaunchedBrowser>;
export declare function extensionWorker(context: BrowserContext, timeout?: number): Promise<Worker>;
export declare function stopExtensionWorker(context: BrowserContext): Promise<void>;
export declare function openExtensionPage(context: BrowserContext): Promise<Page>;
export declare function storageEntries(extensionPage: Page, keyPrefix?: string): Promise<Record<string, unknown>>;
export declare function clearExtensionStorage(extensionPage: Page): Promise<void>;
export declare function readExtensionStorage(context: BrowserContext, keyPrefix?: string): Promise<Record<string, unknown>>;
export interface OverlayContents {
  count: number;
  speakers: Array<{ name: string | null; text: string }>;
}
export declare function readOverlay(page: Page): Promise<OverlayContents | null>;
export declare function waitForOverlay(page: Page, timeout?: number): Promise<OverlayContents | null>;
