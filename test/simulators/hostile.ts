/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';

import { LocalServer } from './localServer';

/**
 * A vendor server gone bad, on 127.0.0.1: what a broken proxy, a compromised vendor host or a wrong base URL can
 * answer. Each route is one hostile behaviour; `requests` records what was asked (method, path with query) so a
 * test can tell how often a route was hit and that a password never travelled in a URL.
 *
 * Routes (any method):
 * - `/huge-json`: a JSON answer that never ends before `HUGE_BYTES` (streamed: the server holds nothing)
 * - `/gzip-json`: a small gzip answer that inflates to `HUGE_BYTES` of JSON
 * - `/gzip-bomb`: a file answer, `Content-Encoding: gzip`, inflating to `BOMB_BYTES`
 * - `/endless`: a file answer that never ends (until the client goes)
 * - `/loop`: a redirect to itself
 * - `/redirect?to=<url>`: a redirect to any URL (302)
 * - `/file`: a small good file
 * - `/echo-404/...`: ASP.NET's standard 404 page, which repeats the requested URL with its query
 * - everything else: `routes` given by the test (path → handler), else 404
 */
export const HUGE_BYTES = 400 * 1024 * 1024;
export const BOMB_BYTES = 1024 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

export type HostileRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export class HostileServer extends LocalServer {
	readonly requests: Array<{ method: string; url: string }> = [];
	private readonly compressed = new Map<string, Promise<Buffer>>();

	constructor(private readonly routes: Record<string, HostileRoute> = {}) {
		super();
	}

	/** How many requests asked for this path (query ignored). */
	hits(path: string): number {
		return this.requests.filter((r) => r.url.split('?')[0] === path).length;
	}

	protected handle(req: IncomingMessage, res: ServerResponse): void {
		const url = new URL(req.url ?? '/', this.url);
		this.requests.push({ method: req.method ?? '', url: req.url ?? '' });
		req.resume();
		const own = this.routes[url.pathname];
		if (own) return own(req, res, url);
		switch (url.pathname) {
			case '/huge-json':
				return this.hugeJson(res);
			case '/gzip-json':
				return this.gzipJson(res);
			case '/gzip-bomb':
				return void this.gzipOf('file', BOMB_BYTES).then((body) => {
					res.writeHead(200, {
						'content-type': 'application/octet-stream',
						'content-disposition': 'attachment; filename="translated.xliff"',
						'content-encoding': 'gzip',
						'content-length': body.length,
					});
					res.end(body);
				});
			case '/endless':
				res.writeHead(200, {
					'content-type': 'application/octet-stream',
					'content-disposition': 'attachment; filename="endless.bin"',
				});
				return this.pour(res, Number.POSITIVE_INFINITY, '');
			case '/loop':
				res.writeHead(302, { location: `${this.url}/loop` });
				return void res.end();
			case '/redirect':
				res.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
				return void res.end();
			case '/file':
				res.writeHead(200, {
					'content-type': 'text/plain',
					'content-disposition': 'attachment; filename="ok.txt"',
				});
				return void res.end('translated');
			default:
				if (url.pathname.startsWith('/echo-404/')) {
					res.writeHead(404, { 'content-type': 'text/html' });
					return void res.end(
						`<html><body><h2>Server Error in '/' Application.</h2><p>The resource cannot be found.</p>` +
							`<p>Requested URL: ${req.url}</p></body></html>`,
					);
				}
				res.writeHead(404, { 'content-type': 'text/plain' });
				res.end('not found');
		}
	}

	/** A JSON answer that does not end before HUGE_BYTES (streamed). */
	hugeJson(res: ServerResponse): void {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.write('{"opstat":"ok","response":{"job":{"job_id":"1","body_tgt":"');
		this.pour(res, HUGE_BYTES, '"}}}');
	}

	/** A small gzip answer that inflates to HUGE_BYTES of JSON. */
	gzipJson(res: ServerResponse): void {
		void this.gzipOf('json', HUGE_BYTES).then((body) => {
			res.writeHead(200, {
				'content-type': 'application/json',
				'content-encoding': 'gzip',
				'content-length': body.length,
			});
			res.end(body);
		});
	}

	/** Writes `total` bytes of 'a' with back-pressure, then `tail`; stops when the client goes. */
	private pour(res: ServerResponse, total: number, tail: string): void {
		let sent = 0;
		let gone = false;
		res.once('close', () => (gone = true));
		const more = () => {
			while (!gone && sent < total) {
				sent += CHUNK.length;
				if (!res.write(CHUNK)) return void res.once('drain', more);
			}
			if (!gone) res.end(tail);
		};
		more();
	}

	/** gzip of `size` bytes of JSON filler or zeros, made once per server (a few seconds of CPU). */
	private gzipOf(kind: 'json' | 'file', size: number): Promise<Buffer> {
		let made = this.compressed.get(kind);
		if (!made) {
			made = new Promise<Buffer>((resolve, reject) => {
				const gzip = createGzip({ level: 9 });
				const out: Buffer[] = [];
				gzip.on('data', (chunk: Buffer) => out.push(chunk));
				gzip.on('end', () => resolve(Buffer.concat(out)));
				gzip.on('error', reject);
				const filler = kind === 'json' ? CHUNK : Buffer.alloc(CHUNK.length);
				if (kind === 'json')
					gzip.write('{"opstat":"ok","response":{"job":{"job_id":"1","body_tgt":"');
				let written = 0;
				const more = () => {
					while (written < size) {
						written += filler.length;
						if (!gzip.write(filler)) return void gzip.once('drain', more);
					}
					gzip.end(kind === 'json' ? '"}}}' : undefined);
				};
				more();
			});
			this.compressed.set(kind, made);
		}
		return made;
	}
}
