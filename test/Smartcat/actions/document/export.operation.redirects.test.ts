/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Document → Export when Smartcat's `GET /document/export/{taskId}` (https://smartcat.com/api/methods/v1/swagger.json)
 * answers with a redirect to a storage host: every hop, not only the first, passes the link policy
 * (nodes/common/http/linkPolicy.ts) before it is requested: https (plain http only on this machine while the credential's
 * base URL is on it too), no user:pass@. The storage host is another port on 127.0.0.1, and it redirects on itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { IDataObject } from 'n8n-workflow';

import { Smartcat } from '../../../../nodes/Smartcat/Smartcat.node';
import { fakeExecuteContext } from '../../../helpers/fakeContext';
import { LocalServer } from '../../../simulators/localServer';
import { SmartcatSimulator } from '../../../simulators/smartcat';

/** A storage host: `/hop?to=<url>` redirects there, `/file` is the file; it records every path it is asked. */
class Storage extends LocalServer {
	readonly asked: string[] = [];

	protected handle(req: IncomingMessage, res: ServerResponse): void {
		const url = new URL(req.url ?? '/', this.url);
		this.asked.push(url.pathname);
		const to = url.searchParams.get('to');
		if (url.pathname === '/hop' && to) return void res.writeHead(302, { location: to }).end();
		res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Seite</p>');
	}
}

const node = new Smartcat();
const ACCOUNT = { accountId: 'redirect-account', apiKey: 'redirect-api-key' };
let smartcat: SmartcatSimulator;
let storage: Storage;

beforeAll(async () => {
	smartcat = await new SmartcatSimulator({
		...ACCOUNT,
		exportPollsBeforeReady: 0,
		documents: [
			{
				id: '189_25',
				name: 'Page',
				fileName: 'page.html',
				mimeType: 'text/html',
				content: '<p>Seite</p>',
				status: 'completed',
				projectId: '4d908357-34a2-4503-88c8-ce857b46fc75',
			},
		],
	}).start();
	storage = await new Storage().start();
});
afterAll(async () => {
	await smartcat.stop();
	await storage.stop();
});
afterEach(() => (smartcat.exportRedirect = undefined));

async function exportVia(redirect: string) {
	smartcat.exportRedirect = redirect;
	storage.asked.length = 0;
	const fake = fakeExecuteContext({
		credentials: { smartcatApi: { ...ACCOUNT, server: 'custom', baseUrl: smartcat.url } },
		parameters: {
			resource: 'document',
			operation: 'export',
			documentIds: '189_25',
			type: 'target',
			output: 'perDocument',
			options: { timeout: 30 },
			maxFileSize: 100,
		} as IDataObject,
	});
	return await node.execute.call(fake.ctx).then(
		([items]) => ({ items, error: undefined, binaries: fake.binaries }),
		(error: Error) => ({ items: undefined, error, binaries: fake.binaries }),
	);
}

describe('Smartcat Document → Export: each redirect hop of the download is checked', () => {
	it('a storage host on this machine (the credential is local too) is followed over two hops', async () => {
		const { error, binaries } = await exportVia(
			`${storage.url}/hop?to=${encodeURIComponent(`${storage.url}/file`)}`,
		);
		expect(error).toBeUndefined();
		expect(storage.asked).toEqual(['/hop', '/file']);
		expect(binaries.map((b) => b.buffer.toString())).toEqual(['<p>Seite</p>']);
	});

	it.each([
		['a user name and password', (port: string) => `http://user:pass@127.0.0.1:${port}/file`],
		['an ftp link', (port: string) => `ftp://127.0.0.1:${port}/file`],
	])('a first hop with %s is refused before it is requested', async (_what, target) => {
		const { error, binaries } = await exportVia(target(new URL(storage.url).port));
		expect(error?.message).toMatch(/Smartcat's redirect of the export cannot be followed: /);
		expect(storage.asked).toEqual([]);
		expect(binaries).toEqual([]);
	});

	it.each([
		[
			'a user name and password',
			(port: string) => `http://user:pass@127.0.0.1:${port}/file`,
			'the link carries a user name or password',
		],
		[
			'an ftp link',
			(port: string) => `ftp://127.0.0.1:${port}/file`,
			'"ftp:" links are not followed',
		],
	])(
		'a second hop with %s is refused too, after the first was followed',
		async (_what, target, rule) => {
			const bad = target(new URL(storage.url).port);
			const { error, binaries } = await exportVia(
				`${storage.url}/hop?to=${encodeURIComponent(bad)}`,
			);
			expect(error?.message).toMatch(
				/^Smartcat export [0-9a-f-]+ of document 189_25 failed: Smartcat's redirect of the export cannot be followed: /,
			);
			expect(error?.message).toContain(rule);
			expect(storage.asked).toEqual(['/hop']);
			expect(binaries).toEqual([]);
		},
	);
});
