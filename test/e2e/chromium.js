// @ts-check
/**
 * The headless Chromium that drives n8n's editor, for the editor test (test/e2e/editor.e2e.test.ts) and
 * `npm run screenshots`: Debian's `chromium` package (/usr/bin/chromium) or CHROMIUM_PATH, through
 * playwright-core, with nothing that calls out of the machine.
 */
'use strict';

const fs = require('node:fs');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Throws, saying what to install, when there is no Chromium at CHROMIUM_PATH. */
function requireChromium() {
	if (!fs.existsSync(CHROMIUM_PATH))
		throw new Error(
			`no Chromium at ${CHROMIUM_PATH}: n8n's editor is driven in Debian's Chromium; apt-get install chromium (or set CHROMIUM_PATH)`,
		);
}

/**
 * Starts headless Chromium without a sandbox (it runs as root in CI), GPU, QUIC or any of its background calls.
 * @returns {Promise<import('playwright-core').Browser>}
 */
async function launchChromium() {
	requireChromium();
	const { chromium } = require('playwright-core');
	return await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/**
 * A browser context signed in to n8n's editor as its owner (the session of `n8n.session()`, which sets the owner
 * up on a new n8n), as after the first visit to the editor.
 * @param {import('playwright-core').Browser} browser
 * @param {{ baseUrl: string, session(): Promise<string> }} n8n
 * @param {import('playwright-core').BrowserContextOptions} [options]
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
async function signedInContext(browser, n8n, options = {}) {
	const cookie = await n8n.session();
	const equals = cookie.indexOf('=');
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
	await context.addCookies([
		{ name: cookie.slice(0, equals), value: cookie.slice(equals + 1), url: n8n.baseUrl },
	]);
	return context;
}

module.exports = { CHROMIUM_PATH, requireChromium, launchChromium, signedInContext };
