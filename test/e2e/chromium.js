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

module.exports = { CHROMIUM_PATH, requireChromium, launchChromium };
