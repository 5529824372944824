// @ts-check
/**
 * `npm run screenshots`: pictures of the nodes in a real n8n editor for README, taken in headless Chromium
 * (Debian's `chromium` package, /usr/bin/chromium, or CHROMIUM_PATH) driven by playwright-core. Starts the pinned
 * n8n with this package and the example workflows, opens each example and its trigger's settings, and writes
 * PNGs to docs/screenshots/.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { N8n, repoRoot, withWebhookIds } = require('../test/e2e/n8n.js');
const { launchChromium, requireChromium, signedInContext } = require('../test/e2e/chromium.js');

const OUT = path.join(repoRoot, 'docs', 'screenshots');

async function main() {
	requireChromium();
	const examples = fs
		.readdirSync(path.join(repoRoot, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => ({
			file: f,
			...withWebhookIds(JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', f), 'utf8'))),
			active: false,
		}));

	const n8n = new N8n();
	await n8n.start();
	const browser = await launchChromium();
	try {
		await n8n.importWorkflows(examples);
		const context = await signedInContext(browser, n8n, { deviceScaleFactor: 1 });
		const page = await context.newPage();
		fs.mkdirSync(OUT, { recursive: true });
		for (const example of examples) {
			const base = example.file.replace(/\.json$/, '');
			await page.goto(`${n8n.baseUrl}/workflow/${example.id}`, { waitUntil: 'networkidle' });
			await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
			await page.keyboard.press('Escape');
			await page.waitForTimeout(1000);
			await page.screenshot({ path: path.join(OUT, `${base}.png`) });
			// the first trigger of ours (an example may start with a sticky note)
			const trigger = example.nodes.find((node) => /Trigger$/.test(node.type)).name;
			await page.locator('[data-test-id="canvas-node"]', { hasText: trigger }).first().dblclick();
			await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
			await page.waitForTimeout(1000);
			await page.screenshot({ path: path.join(OUT, `${base}.trigger.png`) });
			await page.keyboard.press('Escape');
			console.log(`[screenshots] ${base}: workflow and "${trigger}" settings`);
		}
	} finally {
		await browser.close();
		await n8n.stop();
	}
	console.log(`[screenshots] written to ${path.relative(repoRoot, OUT)}/`);
}

main().catch((error) => {
	console.error(`[screenshots] ${error instanceof Error ? error.stack : error}`);
	process.exit(1);
});
