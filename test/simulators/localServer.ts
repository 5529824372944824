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
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	/** Hook for a server that needs more than requests (a proxy's CONNECT, say). */
	protected listening(_server: Server): void {}

	protected abstract handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}
