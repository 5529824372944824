/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';

import { LocalServer } from '../simulators/localServer';

/** A message n8n's Slack node posts: the text, then n8n's "Automated with this n8n workflow" link (on by default). */
export function slackText(text: string): unknown {
	return expect.stringMatching(
		new RegExp(
			`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n_Automated with this <[^|]+/workflow/[^|]+\\|n8n workflow>_$`,
		),
	);
}

/**
 * Slack for the example workflows: n8n's own Slack node calls https://slack.com/api/... and offers no other base
 * URL, so this stand-in is the HTTPS proxy n8n goes through (n8n honours HTTPS_PROXY) and answers as slack.com,
 * with a certificate for slack.com from a throwaway CA that only the n8n under test trusts (NODE_EXTRA_CA_CERTS).
 * It records every chat.postMessage and answers as Slack's Web API does; any other host is refused.
 */
export class SlackStandIn extends LocalServer {
	readonly messages: Array<{ channel: string; text: string; token: string }> = [];
	private readonly dir = mkdtempSync(join(tmpdir(), 'slack-stand-in-'));
	private readonly tls: { key: Buffer; cert: Buffer };
	private readonly tunnels = new Set<Socket>();

	constructor() {
		super();
		const file = (name: string) => join(this.dir, name);
		const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
		openssl(
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=n8n-nodes-translation-events e2e CA',
			'-keyout',
			file('ca.key'),
			'-out',
			file('ca.pem'),
		);
		openssl(
			'req',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-subj',
			'/CN=slack.com',
			'-keyout',
			file('slack.key'),
			'-out',
			file('slack.csr'),
		);
		openssl(
			'x509',
			'-req',
			'-in',
			file('slack.csr'),
			'-CA',
			file('ca.pem'),
			'-CAkey',
			file('ca.key'),
			'-CAcreateserial',
			'-days',
			'2',
			'-out',
			file('slack.pem'),
			'-extfile',
			this.writeExtensions(),
		);
		this.tls = { key: readFileSync(file('slack.key')), cert: readFileSync(file('slack.pem')) };
	}

	/** What n8n's environment needs so that its Slack node reaches this stand-in. */
	get n8nEnv(): Record<string, string> {
		return {
			HTTPS_PROXY: this.url,
			NO_PROXY: '127.0.0.1,localhost',
			NODE_EXTRA_CA_CERTS: join(this.dir, 'ca.pem'),
		};
	}

	/** Credentials of n8n's Slack node (access token), in n8n's import format. */
	credential(id: string): { id: string; name: string; type: string; data: Record<string, string> } {
		return {
			id,
			name: 'Slack (stand-in)',
			type: 'slackApi',
			data: { accessToken: 'xoxb-e2e-stand-in' },
		};
	}

	override async stop(): Promise<void> {
		for (const tunnel of this.tunnels) tunnel.destroy();
		await super.stop();
		rmSync(this.dir, { recursive: true, force: true });
	}

	protected override listening(server: Server): void {
		server.on('connect', (req: IncomingMessage, socket: Socket) => {
			if (req.url !== 'slack.com:443') {
				socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
				return;
			}
			this.tunnels.add(socket.once('close', () => this.tunnels.delete(socket)));
			socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			// the tunnel's bytes are TLS for slack.com: end it here and serve the requests inside as ours
			server.emit('connection', new TLSSocket(socket, { isServer: true, ...this.tls }));
		});
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		let body = '';
		for await (const chunk of req) body += chunk;
		const answer = (status: number, json: unknown) =>
			res
				.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
				.end(JSON.stringify(json));
		if (req.headers.host !== 'slack.com')
			return void answer(404, { ok: false, error: 'not_slack' });
		const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
		if (!token) return void answer(200, { ok: false, error: 'not_authed' });
		if (req.method === 'POST' && req.url === '/api/chat.postMessage') {
			const message = (
				/json/.test(req.headers['content-type'] ?? '')
					? JSON.parse(body)
					: Object.fromEntries(new URLSearchParams(body))
			) as Record<string, string>;
			this.messages.push({ channel: message.channel, text: message.text, token });
			const ts = `${Math.floor(Date.now() / 1000)}.${String(this.messages.length).padStart(6, '0')}`;
			return void answer(200, {
				ok: true,
				channel: 'C0E2E0001',
				ts,
				message: { type: 'message', text: message.text, ts },
			});
		}
		answer(200, { ok: false, error: 'unknown_method' });
	}

	private writeExtensions(): string {
		const path = join(this.dir, 'slack.ext');
		writeFileSync(path, 'subjectAltName=DNS:slack.com\nextendedKeyUsage=serverAuth\n');
		return path;
	}
}
