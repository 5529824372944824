// Types of test/e2e/chromium.js for the TypeScript tests.
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare function requireChromium(): void;
export declare function launchChromium(): Promise<Browser>;
export declare function signedInContext(
	browser: Browser,
	n8n: { baseUrl: string; session(): Promise<string> },
	options?: BrowserContextOptions,
): Promise<BrowserContext>;
