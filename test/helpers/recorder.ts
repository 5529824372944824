/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { LocalServer } from '../simulators/localServer';

/** A local HTTP endpoint that records what it receives (a stand-in for a CMS or any service a workflow calls). */
export class Recorder extends LocalServer {
	readonly received: Array<{
		method: string;
		path: string;
		headers: Record<string, unknown>;
		body: string;
		/** the body's bytes as received (a binary upload) */
		raw: Buffer;
	}> = [];

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(Buffer.from(chunk as Buffer));
		const raw = Buffer.concat(chunks);
		this.received.push({
			method: req.method ?? '',
			path: req.url ?? '',
			headers: req.headers,
			body: raw.toString('utf8'),
			raw,
		});
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
	}
}
