/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { main, withoutSecrets } from '../../cli/simulate';

const PROOF = 'c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6';
const WEBHOOK = '0d3b2a4e-9f1c-4f6e-8a2b-7c5d1e3f9a10';

describe('simulate prints what it sends without the secret', () => {
	let server: Server;
	let base: string;
	const received: string[] = [];
	beforeAll(async () => {
		server = createServer((req, res) => {
			received.push(req.url ?? '');
			req.resume();
			req.on('end', () => res.end('{"status":"accepted"}'));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

	const run = async (argv: string[]) => {
		const printed: string[] = [];
		const log = jest.spyOn(console, 'log').mockImplementation((...args) => {
			printed.push(args.join(' '));
		});
		try {
			expect(await main(argv)).toBe(0);
		} finally {
			log.mockRestore();
		}
		return printed.join('\n');
	};

	it.each([
		['gengo', `/webhook/${WEBHOOK}/gengo?token=${PROOF}`],
		['beebox', `/webhook/${WEBHOOK}/beebox?token=${PROOF}`],
		['beebox', `/webhook/${WEBHOOK}/beebox/${PROOF}`],
	])('%s %s: sent with the token, printed without it', async (vendor, path) => {
		const out = await run([vendor, '--url', `${base}${path}`]);
		expect(received.at(-1)).toContain(PROOF);
		expect(out).not.toContain(PROOF);
		expect(out).toContain(WEBHOOK);
		expect(out).toContain('***');
	});

	it('keeps what identifies the request readable', () => {
		expect(
			withoutSecrets(`https://n8n.example.com/webhook/${WEBHOOK}/gengo?token=${PROOF}&x=1`),
		).toBe(`https://n8n.example.com/webhook/${WEBHOOK}/gengo?token=***&x=1`);
		expect(withoutSecrets('https://user:pw@n8n.example.com/webhook/abc/smartcat')).toBe(
			'https://***:***@n8n.example.com/webhook/abc/smartcat',
		);
	});
});
