/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** The body of a single-part message, decoded from quoted-printable when it says so (nodemailer's choice). */
function bodyText(lines: string[]): string {
	const blank = lines.indexOf('');
	const headers = lines.slice(0, blank).join('\n');
	const body = lines.slice(blank + 1).join('\n');
	if (!/^Content-Transfer-Encoding:\s*quoted-printable/im.test(headers)) return body;
	const bytes = body
		.replace(/=\n/g, '')
		.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

/**
 * A mail server for the example workflows: plain SMTP (RFC 5321) on a free local port, no TLS offered, any
 * AUTH accepted. Records each message's envelope and data, so a test can read the e-mail n8n's Send Email node
 * sent through it.
 */
export class SmtpStandIn {
	readonly messages: Array<{ from: string; to: string[]; data: string; text: string }> = [];
	private server: Server | undefined;
	private readonly sockets = new Set<Socket>();

	get port(): number {
		return (this.server?.address() as AddressInfo).port;
	}

	/** Credentials of n8n's Send Email node for this server, in n8n's import format. */
	credential(id: string): {
		id: string;
		name: string;
		type: string;
		data: Record<string, unknown>;
	} {
		return {
			id,
			name: 'SMTP (stand-in)',
			type: 'smtp',
			data: {
				user: 'e2e',
				password: 'e2e-password',
				host: '127.0.0.1',
				port: this.port,
				secure: false,
				disableStartTls: true,
			},
		};
	}

	async start(): Promise<this> {
		this.server = createServer((socket) => this.session(socket));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private session(socket: Socket): void {
		this.sockets.add(socket.once('close', () => this.sockets.delete(socket)));
		const reply = (line: string) => socket.write(`${line}\r\n`);
		let envelope = { from: '', to: [] as string[] };
		let data: string[] | undefined;
		let authLines = 0;
		let buffered = '';
		reply('220 smtp.e2e.local ESMTP stand-in');
		socket.on('data', (chunk) => {
			buffered += chunk.toString('utf8');
			let end: number;
			while ((end = buffered.indexOf('\r\n')) >= 0) {
				const line = buffered.slice(0, end);
				buffered = buffered.slice(end + 2);
				if (data) {
					if (line === '.') {
						this.messages.push({ ...envelope, data: data.join('\r\n'), text: bodyText(data) });
						envelope = { from: '', to: [] };
						data = undefined;
						reply('250 2.0.0 queued');
					} else data.push(line.startsWith('..') ? line.slice(1) : line);
					continue;
				}
				if (authLines > 0) {
					authLines--;
					reply(authLines > 0 ? '334 UGFzc3dvcmQ6' : '235 2.7.0 accepted');
					continue;
				}
				const [verb] = line.split(' ', 1);
				switch (verb.toUpperCase()) {
					case 'EHLO':
						reply('250-smtp.e2e.local');
						reply('250-AUTH PLAIN LOGIN');
						reply('250 8BITMIME');
						break;
					case 'HELO':
					case 'RSET':
					case 'NOOP':
						reply('250 OK');
						break;
					case 'AUTH':
						// PLAIN with its answer inline is done; LOGIN asks for the user, then the password
						if (/^AUTH LOGIN$/i.test(line)) {
							authLines = 2;
							reply('334 VXNlcm5hbWU6');
						} else if (/^AUTH PLAIN$/i.test(line)) {
							authLines = 1;
							reply('334 ');
						} else reply('235 2.7.0 accepted');
						break;
					case 'MAIL':
						envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
						reply('250 OK');
						break;
					case 'RCPT':
						envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
						reply('250 OK');
						break;
					case 'DATA':
						data = [];
						reply('354 end with <CRLF>.<CRLF>');
						break;
					case 'QUIT':
						reply('221 bye');
						socket.end();
						break;
					default:
						reply('502 5.5.2 not implemented');
				}
			}
		});
	}
}
