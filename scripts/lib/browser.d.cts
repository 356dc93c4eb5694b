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
  /** Relaunch on this profile (a browser restart); kept on close. */
  profileDir?: string | null;
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
/** Runs fn(shadowRoot, arg) in the page with the overlay's closed shadow root (over the DevTools protocol); `absent` when none is mounted. */
export declare function inOverlay<A, R, D = null>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A, absent?: D): Promise<Awaited<R> | D>;
export declare function waitInOverlay<A, R>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A, options?: { timeout?: number; polling?: number }): Promise<Awaited<R>>;
export declare function clickInOverlay(page: Page, selector: string): Promise<void>;
/** Run in the page with the overlay's shadow root (both drivers). */
export declare function clickPointInRoot(root: ShadowRoot, selector: string): { x: number; y: number } | null;
export declare function panelOpenInRoot(root: ShadowRoot): boolean;
export declare function panelIsInRoot(root: ShadowRoot, wanted: boolean): boolean;
export declare function panelSeenInRoot(root: ShadowRoot): boolean;
export declare function readOverlayInRoot(root: ShadowRoot): OverlayContents | null;
export declare function panelOpen(page: Page): Promise<boolean>;
export declare function setPanelOpen(page: Page, open: boolean): Promise<void>;
export declare function overlayHostIds(page: Page): Promise<number[]>;
export declare function overlayHostCount(page: Page): Promise<number>;
