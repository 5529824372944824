/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage } from 'node:http';

/**
 * multipart/form-data as a vendor's server reads it (RFC 7578): the parts in order, each with its name, file
 * name (when the part is a file), content type and bytes. For the simulators of vendors that take uploads.
 */
export interface FormPart {
	name: string;
	fileName?: string;
	contentType?: string;
	headers: Record<string, string>;
	bytes: Buffer;
}

/** Why a body is not multipart/form-data a server would read, or the parts. */
export type ParsedForm = { parts: FormPart[]; problem?: undefined } | { problem: string };

/** The boundary of a multipart/form-data Content-Type header, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
	const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
	return match?.[1] ?? match?.[2];
}

function parameter(header: string, name: string): string | undefined {
	const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
	if (match) return match[1].replace(/\\(.)/g, '$1');
	return new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header)?.[1];
}

/** Parses a whole multipart/form-data body. */
export function parseForm(contentType: string | undefined, body: Buffer): ParsedForm {
	const boundary = boundaryOf(contentType);
	if (!boundary) return { problem: `not multipart/form-data with a boundary: ${contentType}` };
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: FormPart[] = [];
	let at = body.indexOf(delimiter);
	if (at !== 0) return { problem: 'the body does not start with the boundary' };
	for (;;) {
		at += delimiter.length;
		if (body.subarray(at, at + 2).toString() === '--') {
			const rest = body.subarray(at + 2).toString('latin1');
			if (rest !== '' && rest !== '\r\n') return { problem: 'bytes after the closing boundary' };
			return { parts };
		}
		if (body.subarray(at, at + 2).toString() !== '\r\n')
			return { problem: 'a boundary not followed by CRLF' };
		at += 2;
		const headerEnd = body.indexOf('\r\n\r\n', at);
		if (headerEnd < 0) return { problem: 'a part without the blank line after its headers' };
		const headers: Record<string, string> = {};
		for (const line of body.subarray(at, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon < 1) return { problem: `a malformed part header: ${line}` };
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
		if (next < 0) return { problem: 'a part that never ends (no closing boundary)' };
		const disposition = headers['content-disposition'] ?? '';
		if (!/^form-data\s*;/i.test(disposition))
			return { problem: `a part without Content-Disposition: form-data (${disposition})` };
		const name = parameter(disposition, 'name');
		if (name === undefined) return { problem: 'a part without a name' };
		const encodedName = /;\s*filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
		const fileName = encodedName
			? decodeURIComponent(encodedName)
			: parameter(disposition, 'filename');
		parts.push({
			name,
			fileName,
			contentType: headers['content-type'],
			headers,
			bytes: body.subarray(headerEnd + 4, next),
		});
		at = next + 2;
	}
}

/** Reads a request's whole body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}
