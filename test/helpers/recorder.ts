import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP endpoint that records what it receives (a stand-in for a CMS or any service a workflow calls). */
export class Recorder {
	private server: Server | undefined;
	readonly received: Array<{ method: string; path: string; headers: Record<string, unknown>; body: string }> = [];

	get url(): string {
		return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
	}

	async start(): Promise<this> {
		this.server = createServer(async (req, res) => {
			let body = '';
			for await (const chunk of req) body += chunk;
			this.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}
}
