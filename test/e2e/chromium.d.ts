// Types of test/e2e/chromium.js for the TypeScript tests.
import type { Browser } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare function requireChromium(): void;
export declare function launchChromium(): Promise<Browser>;
