import { randomBytes } from 'crypto';

import { NodeOperationError, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

import { safeFileName } from './binaryDownload';

/**
 * Node.js's stream.Readable, as n8n's binary data helpers type it: n8n's rules for community nodes forbid importing
 * node:stream, even for a type.
 */
export type Readable = Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

/**
 * The bytes of an upload as one send reads them. A Readable when n8n keeps binary data outside the item
 * (filesystem, database or S3 mode: read from there as it is sent, never the whole file in memory); a Buffer when
 * n8n keeps it in the item itself (its `default` memory mode, where the whole file is in memory already, as base64).
 * n8n's rules for community nodes forbid importing node:stream, so no Readable can be made from bytes in memory.
 */
export type UploadBytes = Readable | Buffer;

export interface UploadFile {
	/**
	 * Opens the bytes from n8n's binary data (helpers.getBinaryStream: never the whole file in memory); may be called
	 * again for a send that is safe to repeat (e.g. one the vendor refused before anything was processed).
	 */
	open(): Promise<UploadBytes>;
	/** bytes */
	size: number;
	/** the binary's file name (or the caller's override): its last path segment, without control characters */
	fileName: string;
	mimeType: string;
}

/** Where uploadFromBinary reads the file: the parameter that names it, for its errors. */
const PARAMETER = 'Input Binary Field';
const MB = 1024 * 1024;

/** A size for messages: "100 MB", "512 KB", "12 bytes"; `exact`: with the bytes when that is rounded. */
export function sizeText(bytes: number, exact = false): string {
	const [unit, name] = bytes >= MB ? [MB, 'MB'] : bytes >= 1024 ? [1024, 'KB'] : [1, 'bytes'];
	const rounded = Math.round((bytes / unit) * 10) / 10;
	return `${rounded} ${name}${exact && rounded * unit !== bytes ? ` (${bytes} bytes)` : ''}`;
}

/** A MIME type that is safe in a header: type/subtype with parameters, no line breaks or quotes to break out with. */
const MIME_TYPE =
	/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=("[^"\r\n]*"|[\w!#$&^.+-]+))*$/;

/**
 * A file name for an upload: its last path segment, without control and bidirectional characters
 * (common/http/binaryDownload.ts safeFileName), Unicode kept; `fallback` when nothing is left.
 */
export function uploadFileName(name: string | undefined, fallback = 'file'): string {
	return (name && safeFileName(name)) || fallback;
}

/**
 * The item's binary property as an upload. Errors (NodeOperationError with the item's index) name the parameter
 * ("Input Binary Field") and say what is accepted: a property the item does not have (listing the ones it has), an
 * empty file, a file over `maxBytes` (with `vendorLimitText`, the vendor's own words for its limit).
 */
export async function uploadFromBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	options: { maxBytes?: number; vendorLimitText?: string; fileName?: string } = {},
): Promise<UploadFile> {
	const fail = (message: string, description?: string): never => {
		throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
	};
	const name = String(propertyName ?? '').trim();
	if (!name)
		fail(`${PARAMETER} is empty: enter the name of the item's binary property (usually "data")`);
	const binaries = ctx.getInputData()[itemIndex]?.binary ?? {};
	const binary: IBinaryData | undefined = Object.prototype.hasOwnProperty.call(binaries, name)
		? binaries[name]
		: undefined;
	if (!binary) {
		const present = Object.keys(binaries);
		return fail(
			`${PARAMETER} "${name}": item ${itemIndex + 1} has no binary property of that name`,
			present.length
				? `The item's binary properties: ${present.map((p) => `"${p}"`).join(', ')}. Set ${PARAMETER} to one of them.`
				: 'The item has no binary data at all: read the file into the item first (e.g. with Read/Write Files from Disk, HTTP Request with the response as a file, or a trigger that passes files), then name its binary property here.',
		);
	}

	let size: number;
	let open: () => Promise<UploadBytes>;
	if (binary.id) {
		// filesystem, database or S3 mode: n8n keeps the bytes outside the item and streams them
		const id = binary.id;
		size = Number((await ctx.helpers.getBinaryMetadata(id)).fileSize);
		open = async () => await ctx.helpers.getBinaryStream(id);
	} else {
		// n8n's default (memory) mode: the bytes are in the item, base64
		const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, name);
		size = buffer.length;
		open = async () => buffer;
	}
	if (!Number.isSafeInteger(size) || size < 0)
		fail(`${PARAMETER} "${name}": n8n does not know the file's size`);
	const fileName = uploadFileName(options.fileName || binary.fileName, defaultName(binary));
	if (size === 0)
		fail(
			`${PARAMETER} "${name}": the file "${fileName}" is empty`,
			'An empty file cannot be sent for translation: check the node that produced it.',
		);
	if (options.maxBytes !== undefined && size > options.maxBytes)
		fail(
			`${PARAMETER} "${name}": the file "${fileName}" is ${sizeText(size)}, over the limit of ${sizeText(options.maxBytes, true)}`,
			options.vendorLimitText ?? `Files up to ${sizeText(options.maxBytes)} are accepted.`,
		);
	const mimeType =
		binary.mimeType && MIME_TYPE.test(binary.mimeType)
			? binary.mimeType
			: 'application/octet-stream';
	return { open, size, fileName, mimeType };
}

/** A name for a binary without one: "file", with its extension when n8n knows it. */
function defaultName(binary: IBinaryData): string {
	const extension = binary.fileExtension && /^[\w-]{1,16}$/.test(binary.fileExtension);
	return extension ? `file.${binary.fileExtension}` : 'file';
}

/**
 * One part: a text field (`contentType` when the vendor wants one written, e.g. a JSON model part as
 * `application/json`; none means text/plain in UTF-8, RFC 7578 section 4.4) or a file.
 */
export type MultipartPart =
	| { name: string; value: string; contentType?: string }
	| { name: string; file: UploadFile };

/**
 * A name or file name as a quoted-string in a part's Content-Disposition, the way browsers write it (WHATWG HTML,
 * "multipart/form-data encoding algorithm", which RFC 7578 section 4.2 defers to): UTF-8 kept as it is, and only
 * `"`, CR and LF percent-encoded, so nothing can end the parameter or the header line. RFC 7578 says `filename*`
 * (RFC 5987) must not be used in multipart/form-data, so none is written.
 */
export function dispositionValue(value: string): string {
	return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

interface Segment {
	head: Buffer;
	file?: UploadFile;
}

/**
 * multipart/form-data (RFC 7578) as a stream: text fields and files in the order given, a random boundary, and the
 * exact Content-Length computed up front (a file's size as n8n recorded it; a file that sends other than that many
 * bytes fails the send instead of sending a body its length does not describe).
 */
export function multipartBody(parts: MultipartPart[]): {
	open(): Promise<UploadBytes>;
	headers: Record<string, string>;
	size: number;
} {
	const texts = parts.map((part) => ('value' in part ? part.value : ''));
	let boundary: string;
	do {
		boundary = `----n8nFormBoundary${randomBytes(16).toString('hex')}`;
	} while (texts.some((text) => text.includes(boundary)));

	const segments: Segment[] = [];
	let pending = '';
	parts.forEach((part, index) => {
		const opening = `${index === 0 ? '' : '\r\n'}--${boundary}\r\n`;
		if ('value' in part) {
			const type = part.contentType ? `Content-Type: ${headerValue(part.contentType)}\r\n` : '';
			pending += `${opening}Content-Disposition: form-data; name=${dispositionValue(part.name)}\r\n${type}\r\n${part.value}`;
		} else {
			pending +=
				`${opening}Content-Disposition: form-data; name=${dispositionValue(part.name)}; filename=${dispositionValue(part.file.fileName)}\r\n` +
				`Content-Type: ${headerValue(part.file.mimeType)}\r\n\r\n`;
			segments.push({ head: Buffer.from(pending, 'utf8'), file: part.file });
			pending = '';
		}
	});
	pending += `${parts.length ? '\r\n' : ''}--${boundary}--\r\n`;
	segments.push({ head: Buffer.from(pending, 'utf8') });
	const size = segments.reduce((sum, s) => sum + s.head.length + (s.file?.size ?? 0), 0);

	const open = async (): Promise<UploadBytes> => {
		const opened: Array<{ head: Buffer; bytes?: UploadBytes; file?: UploadFile }> = [];
		for (const segment of segments)
			opened.push({
				...segment,
				bytes: segment.file ? await segment.file.open() : undefined,
			});
		const streams = opened.filter((s) => s.bytes && !Buffer.isBuffer(s.bytes));
		if (streams.length === 0) {
			// everything in memory already (n8n's memory mode): one buffer
			const buffers: Buffer[] = [];
			for (const s of opened) {
				buffers.push(s.head);
				if (s.bytes) buffers.push(checkedSize(s.bytes as Buffer, s.file as UploadFile));
			}
			return Buffer.concat(buffers);
		}
		const from = readableFrom(streams[0].bytes as Readable);
		async function* chunks(): AsyncGenerator<Buffer> {
			try {
				for (const s of opened) {
					yield s.head;
					if (!s.bytes) continue;
					if (Buffer.isBuffer(s.bytes)) {
						yield checkedSize(s.bytes, s.file as UploadFile);
						continue;
					}
					let sent = 0;
					for await (const chunk of s.bytes) {
						const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
						sent += buffer.length;
						if (sent > (s.file as UploadFile).size) break;
						yield buffer;
					}
					if (sent !== (s.file as UploadFile).size) throw changedSize(s.file as UploadFile, sent);
				}
			} finally {
				for (const s of opened) if (s.bytes && !Buffer.isBuffer(s.bytes)) s.bytes.destroy();
			}
		}
		return from(chunks());
	};
	return {
		open,
		size,
		headers: {
			'content-type': `multipart/form-data; boundary=${boundary}`,
			'content-length': String(size),
		},
	};
}

/** A part's Content-Type: a MIME type (MIME_TYPE), else application/octet-stream: never a line break into the body. */
function headerValue(type: string): string {
	return MIME_TYPE.test(type) ? type : 'application/octet-stream';
}

function changedSize(file: UploadFile, sent: number): Error {
	return new Error(
		`the file "${file.fileName}" has ${sent > file.size ? 'more' : 'fewer'} bytes than the ${file.size} n8n recorded for it: it changed while it was sent`,
	);
}

function checkedSize(buffer: Buffer, file: UploadFile): Buffer {
	if (buffer.length !== file.size) throw changedSize(file, buffer.length);
	return buffer;
}

/**
 * Readable.from, reached through the class of a stream n8n handed over (its binary data stream: an fs.ReadStream,
 * or another Readable subclass, which inherit Readable's static `from`): n8n's rules for community nodes forbid
 * importing node:stream.
 */
function readableFrom(stream: Readable): (source: AsyncIterable<Buffer>) => Readable {
	for (let type = stream.constructor as unknown; type; type = Object.getPrototypeOf(type)) {
		const from = (type as { from?: unknown }).from;
		if (typeof from === 'function' && (type as { name?: string }).name === 'Readable')
			return (source) => (from as (s: AsyncIterable<Buffer>) => Readable).call(type, source);
	}
	throw new Error('n8n handed over binary data in an unknown kind of stream');
}
