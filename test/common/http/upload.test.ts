// Uploads from n8n's binary data (nodes/common/http/upload.ts): the item's binary property read as n8n stores it
// (filesystem mode: streamed by id; default mode: base64 in the item), the errors a user sees, and
// multipart/form-data bodies checked byte for byte and parsed back by a real parser (undici's, behind
// Response.formData()).
import { createHash } from 'node:crypto';

import { NodeOperationError } from 'n8n-workflow';

import {
	dispositionValue,
	multipartBody,
	uploadFileName,
	uploadFromBinary,
	type Readable,
	type UploadBytes,
	type UploadFile,
} from '../../../nodes/common/http/upload';
import { fakeExecuteContext, type FakeBinary } from '../../helpers/fakeContext';

async function bytesOf(body: UploadBytes): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	const chunks: Buffer[] = [];
	for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks);
}

function context(binary: Record<string, FakeBinary> | undefined) {
	return fakeExecuteContext({ binaryInput: [binary] });
}

async function caught(promise: Promise<unknown>): Promise<NodeOperationError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected an error');
}

const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256));

describe('uploadFromBinary', () => {
	it('streams a file n8n keeps in filesystem mode, sized from its metadata, without reading it up front', async () => {
		const data = bytes(200_000);
		const fake = context({
			data: { data, fileName: 'Übersetzung 翻訳.docx', mimeType: 'application/msword' },
		});
		const file = await uploadFromBinary(fake.ctx, 0, 'data');
		expect(file).toMatchObject({
			size: 200_000,
			fileName: 'Übersetzung 翻訳.docx',
			mimeType: 'application/msword',
		});
		expect(fake.binaryStreams).toHaveLength(0);
		const opened = await file.open();
		expect(Buffer.isBuffer(opened)).toBe(false);
		expect((await bytesOf(opened)).equals(data)).toBe(true);
		// a second send reads the file again
		expect((await bytesOf(await file.open())).equals(data)).toBe(true);
		expect(fake.binaryStreams).toHaveLength(2);
	});

	it("reads a file n8n keeps in the item (default memory mode) from the item's base64", async () => {
		const data = bytes(1000);
		const fake = context({
			doc: { data, fileName: 'a.txt', mimeType: 'text/plain', mode: 'memory' },
		});
		const file = await uploadFromBinary(fake.ctx, 0, 'doc');
		expect(file.size).toBe(1000);
		expect((await bytesOf(await file.open())).equals(data)).toBe(true);
		expect(fake.binaryStreams).toHaveLength(0);
	});

	it.each([
		['../../etc/passwd', 'passwd'],
		['C:\\Users\\me\\report.xliff', 'report.xliff'],
		['a\r\nContent-Type: text.txt', 'aContent-Type: text.txt'],
		['evil\u202Etxt.exe', 'eviltxt.exe'],
		['  spaced name.txt  ', 'spaced name.txt'],
		['..', 'file'],
		['', 'file'],
		['日本語のファイル.json', '日本語のファイル.json'],
	])('file name %j is sent as %j', async (name, expected) => {
		const fake = context({ data: { data: bytes(3), fileName: name } });
		expect((await uploadFromBinary(fake.ctx, 0, 'data')).fileName).toBe(expected);
	});

	it("uses the caller's file name over the binary's, cleaned the same way", async () => {
		const fake = context({ data: { data: bytes(3), fileName: 'x.bin' } });
		const file = await uploadFromBinary(fake.ctx, 0, 'data', { fileName: 'dir/über.txt' });
		expect(file.fileName).toBe('über.txt');
	});

	it('names a binary without a file name after its extension', async () => {
		const fake = context({ data: { data: bytes(3), fileExtension: 'pdf' } });
		expect((await uploadFromBinary(fake.ctx, 0, 'data')).fileName).toBe('file.pdf');
	});

	it('sends an unusable MIME type as application/octet-stream', async () => {
		const fake = context({ data: { data: bytes(3), mimeType: 'text/plain\r\nX-Evil: 1' } });
		expect((await uploadFromBinary(fake.ctx, 0, 'data')).mimeType).toBe('application/octet-stream');
		const ok = context({ data: { data: bytes(3), mimeType: 'text/plain; charset=utf-8' } });
		expect((await uploadFromBinary(ok.ctx, 0, 'data')).mimeType).toBe('text/plain; charset=utf-8');
	});

	it("names the parameter and lists the item's binary properties when the one asked for is missing", async () => {
		const fake = context({ file: { data: bytes(3) }, attachment: { data: bytes(3) } });
		const error = await caught(uploadFromBinary(fake.ctx, 0, 'data'));
		expect(error.message).toBe(
			'Input Binary Field "data": item 1 has no binary property of that name',
		);
		expect(error.description).toContain('"file", "attachment"');
		expect(error.context.itemIndex).toBe(0);
	});

	it('says when the item has no binary data at all', async () => {
		const fake = fakeExecuteContext({ input: [{ a: 1 }, { b: 2 }] });
		const error = await caught(uploadFromBinary(fake.ctx, 1, 'data'));
		expect(error.message).toContain('item 2 has no binary property');
		expect(error.description).toContain('no binary data at all');
		expect(error.context.itemIndex).toBe(1);
	});

	it('does not take an inherited property for a binary one', async () => {
		const fake = context({ data: { data: bytes(3) } });
		await caught(uploadFromBinary(fake.ctx, 0, 'constructor'));
	});

	it('refuses an empty property name and an empty file', async () => {
		const fake = context({ data: { data: Buffer.alloc(0), fileName: 'empty.txt' } });
		expect((await caught(uploadFromBinary(fake.ctx, 0, '  '))).message).toContain(
			'Input Binary Field is empty',
		);
		const error = await caught(uploadFromBinary(fake.ctx, 0, 'data'));
		expect(error.message).toBe('Input Binary Field "data": the file "empty.txt" is empty');
	});

	it("refuses a file over the limit with the vendor's words for it, and takes one at the limit", async () => {
		const fake = context({ data: { data: bytes(2048), fileName: 'big.txt' } });
		const error = await caught(
			uploadFromBinary(fake.ctx, 0, 'data', {
				maxBytes: 2047,
				vendorLimitText: 'The vendor accepts files up to 2047 bytes.',
			}),
		);
		expect(error.message).toBe(
			'Input Binary Field "data": the file "big.txt" is 2 KB, over the limit of 2 KB (2047 bytes)',
		);
		expect(error.description).toBe('The vendor accepts files up to 2047 bytes.');
		await expect(uploadFromBinary(fake.ctx, 0, 'data', { maxBytes: 2048 })).resolves.toMatchObject({
			size: 2048,
		});
	});
});

describe('uploadFileName and dispositionValue', () => {
	it('keeps Unicode and escapes only what ends a quoted parameter or a header line', () => {
		expect(uploadFileName('a/b/ü "x".txt')).toBe('ü "x".txt');
		expect(dispositionValue('ü "x"\r\n.txt')).toBe('"ü %22x%22%0D%0A.txt"');
	});
});

function memoryFile(data: Buffer, fileName: string, mimeType = 'application/octet-stream') {
	return { open: async () => data, size: data.length, fileName, mimeType } satisfies UploadFile;
}

async function streamedFile(data: Buffer, fileName: string, mimeType = 'text/plain') {
	const fake = context({ data: { data, fileName, mimeType } });
	return await uploadFromBinary(fake.ctx, 0, 'data');
}

async function parse(body: ReturnType<typeof multipartBody>) {
	const raw = await bytesOf(await body.open());
	const form = await new Response(raw, {
		headers: { 'content-type': body.headers['content-type'] },
	}).formData();
	return { raw, form };
}

describe('multipartBody (RFC 7578)', () => {
	it('writes text fields and a streamed file in order, byte for byte, with the exact Content-Length', async () => {
		const data = Buffer.from('line 1\r\n--not a boundary\r\n\u0000binary');
		const file = await streamedFile(data, 'source.txt');
		const body = multipartBody([
			{ name: 'targetLangs', value: 'de' },
			{ name: 'file', file },
			{ name: 'note', value: 'ü' },
		]);
		const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(
			body.headers['content-type'],
		)?.[1] as string;
		expect(boundary).toMatch(/^----n8nFormBoundary[0-9a-f]{32}$/);
		const expected = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="targetLangs"\r\n\r\nde\r\n` +
					`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="source.txt"\r\nContent-Type: text/plain\r\n\r\n`,
			),
			data,
			Buffer.from(
				`\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nü\r\n--${boundary}--\r\n`,
			),
		]);
		const raw = await bytesOf(await body.open());
		expect(raw.equals(expected)).toBe(true);
		expect(body.size).toBe(expected.length);
		expect(body.headers['content-length']).toBe(String(expected.length));
	});

	it('is parsed back by a real multipart parser: names, Unicode file names, types and bytes', async () => {
		const data = bytes(300_000);
		const file = await streamedFile(
			data,
			'Übersetzung "final" 翻訳.xliff',
			'application/x-xliff+xml',
		);
		const body = multipartBody([
			{ name: 'json', value: JSON.stringify({ targetLangs: ['de', 'ja'] }) },
			{ name: 'a "quoted"\r\nname', value: 'x' },
			{ name: 'file', file },
			{ name: 'second', file: memoryFile(Buffer.from('hello'), 'b.txt', 'text/plain') },
		]);
		const { raw, form } = await parse(body);
		expect(raw.length).toBe(body.size);
		expect(form.get('json')).toBe('{"targetLangs":["de","ja"]}');
		// browsers' escaping (%22, %0D, %0A), which parsers that follow WHATWG HTML read back
		expect([...form.keys()]).toEqual(['json', 'a "quoted"\r\nname', 'file', 'second']);
		const sent = form.get('file') as File;
		expect(sent.name).toBe('Übersetzung "final" 翻訳.xliff');
		expect(sent.type).toBe('application/x-xliff+xml');
		const got = Buffer.from(await sent.arrayBuffer());
		expect(createHash('sha256').update(got).digest('hex')).toBe(
			createHash('sha256').update(data).digest('hex'),
		);
		expect(await (form.get('second') as File).text()).toBe('hello');
	});

	it('writes a Content-Type for a text part that asks for one (a JSON model part), never a line break', async () => {
		const body = multipartBody([
			{ name: 'model', value: '{"name":"P"}', contentType: 'application/json' },
			{ name: 'x', value: 'y', contentType: 'text/plain\r\n\r\ninjected' },
		]);
		const boundary = body.headers['content-type'].split('boundary=')[1];
		const raw = await bytesOf(await body.open());
		expect(raw.toString()).toBe(
			`--${boundary}\r\nContent-Disposition: form-data; name="model"\r\nContent-Type: application/json\r\n\r\n{"name":"P"}\r\n` +
				`--${boundary}\r\nContent-Disposition: form-data; name="x"\r\nContent-Type: application/octet-stream\r\n\r\ny\r\n--${boundary}--\r\n`,
		);
		expect(raw.length).toBe(body.size);
	});

	it('builds files kept in memory into one buffer', async () => {
		const body = multipartBody([{ name: 'f', file: memoryFile(Buffer.from('abc'), 'a.txt') }]);
		const opened = await body.open();
		expect(Buffer.isBuffer(opened)).toBe(true);
		expect((opened as Buffer).length).toBe(body.size);
		const { form } = await parse(body);
		expect(await (form.get('f') as File).text()).toBe('abc');
	});

	it('opens the same bytes again for a second send, under a new random boundary per body', async () => {
		const file = await streamedFile(bytes(70_000), 'a.bin');
		const body = multipartBody([{ name: 'file', file }]);
		const first = await bytesOf(await body.open());
		const second = await bytesOf(await body.open());
		expect(second.equals(first)).toBe(true);
		expect(multipartBody([{ name: 'file', file }]).headers['content-type']).not.toBe(
			body.headers['content-type'],
		);
	});

	it('fails the send when a file has other than its recorded size (the body would not match its length)', async () => {
		const data = bytes(100);
		const longer = { ...memoryFile(data, 'a.bin'), size: 99 };
		await expect(multipartBody([{ name: 'f', file: longer }]).open()).rejects.toThrow(
			'has more bytes than the 99',
		);
		const file = await streamedFile(data, 'b.bin');
		const shorter = multipartBody([{ name: 'f', file: { ...file, size: 101 } }]);
		await expect(bytesOf(await shorter.open())).rejects.toThrow('has fewer bytes than the 101');
		const over = multipartBody([{ name: 'f', file: { ...file, size: 50 } }]);
		await expect(bytesOf(await over.open())).rejects.toThrow('has more bytes than the 50');
	});
});
