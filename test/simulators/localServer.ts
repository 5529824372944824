/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server on a free port of 127.0.0.1: what every vendor simulator (and the recorder) is. */
export abstract class LocalServer {
	private server: Server | undefined;

	get url(): string {
		return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.listening(this.server);
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	/** Hook for a server that needs more than requests (a proxy's CONNECT, say): by default nothing. */
	protected listening(server: Server): void {
		void server;
	}

	protected abstract handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}
