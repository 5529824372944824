// File names, types, redirects and refusals of the shared download code (nodes/common/binaryDownload.ts), with
// Content-Disposition forms from RFC 6266 / RFC 5987 and n8n's httpRequest answers faked.
import type { IExecuteFunctions } from 'n8n-workflow';

import {
	binaryFromAnswer,
	downloadLink,
	fileNameOf,
	waitForVendorJob,
} from '../../nodes/common/binaryDownload';
import { VendorApiError } from '../../nodes/common/vendorError';

describe('fileNameOf (Content-Disposition)', () => {
	it.each([
		[undefined, undefined],
		['', undefined],
		['inline', undefined],
		['attachment; filename="report.docx"', 'report.docx'],
		['attachment;filename = "a \\"quoted\\" name.txt"', 'a "quoted" name.txt'],
		['attachment; filename=plain.txt; size=3', 'plain.txt'],
		['attachment; filename=  spaced.txt  ', 'spaced.txt'],
		["attachment; filename*=UTF-8''%C3%9Cbersetzung%20de.xliff", 'Übersetzung de.xliff'],
		['attachment; filename*  =  UTF-8\'de\'%E7%BF%BB.txt ; filename="fallback.txt"', '翻.txt'],
		['attachment; filename*=UTF-8\'\'%E0%A4%A; filename="fallback.txt"', 'fallback.txt'],
		['attachment; filename="../../etc/passwd"', 'passwd'],
		['attachment; filename="C:\\\\temp\\\\x.txt"', 'x.txt'],
		['attachment; filename=".."', undefined],
		['attachment; filename="."', undefined],
		['attachment; filename="dir/"', undefined],
		['attachment; filename=""', undefined],
	])('%j → %j', (disposition, name) => {
		expect(fileNameOf(disposition)).toBe(name);
	});
});

/** A fake execute context whose httpRequest answers from a list, recording each call. */
function fake(
	answers: Array<{ statusCode: number; headers?: Record<string, string>; body?: unknown }>,
) {
	const calls: Array<Record<string, unknown>> = [];
	const prepared: Array<{ fileName: string; mimeType?: string }> = [];
	const destroyed: number[] = [];
	const ctx = {
		helpers: {
			httpRequest: async (options: Record<string, unknown>) => {
				calls.push(options);
				const answer = answers.shift()!;
				const index = calls.length;
				return { body: { destroy: () => destroyed.push(index) }, ...answer };
			},
			prepareBinaryData: async (_body: unknown, fileName: string, mimeType?: string) => {
				prepared.push({ fileName, mimeType });
				return { data: '', fileName, mimeType: mimeType ?? 'application/octet-stream' };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls, prepared, destroyed };
}

describe('binaryFromAnswer', () => {
	it('takes the name from Content-Disposition and the type from Content-Type, without parameters', async () => {
		const { ctx, prepared } = fake([]);
		await binaryFromAnswer(
			ctx,
			{
				status: 200,
				headers: {
					'content-disposition': 'attachment; filename="de.xliff"',
					'content-type': 'application/xliff+xml; charset=utf-8',
				},
				body: undefined,
			} as never,
			'fallback.bin',
		);
		await binaryFromAnswer(
			ctx,
			{
				status: 200,
				headers: { 'content-type': 'application/octet-stream' },
				body: undefined,
			} as never,
			'fallback.bin',
		);
		await binaryFromAnswer(
			ctx,
			{ status: 200, headers: {}, body: undefined } as never,
			'fallback.bin',
		);
		expect(prepared).toEqual([
			{ fileName: 'de.xliff', mimeType: 'application/xliff+xml' },
			{ fileName: 'fallback.bin', mimeType: undefined },
			{ fileName: 'fallback.bin', mimeType: undefined },
		]);
	});
});

describe('downloadLink', () => {
	it('follows up to 3 redirects (relative ones too), without the credential, and names the file', async () => {
		const { ctx, calls, prepared, destroyed } = fake([
			{ statusCode: 302, headers: { location: 'https://cdn.example.com/files/a%20b.docx' } },
			{ statusCode: 301, headers: { location: '/files/final%20name.docx' } },
			{ statusCode: 307, headers: { location: 'https://cdn.example.com/x/de.docx?sig=1' } },
			{ statusCode: 200, headers: { 'content-type': 'application/vnd.openxmlformats' } },
		]);
		await downloadLink(ctx, 'https://api.example.com/link', 'fallback.docx');
		expect(calls.map((c) => c.url)).toEqual([
			'https://api.example.com/link',
			'https://cdn.example.com/files/a%20b.docx',
			'https://cdn.example.com/files/final%20name.docx',
			'https://cdn.example.com/x/de.docx?sig=1',
		]);
		expect(calls[0]).toMatchObject({
			method: 'GET',
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: 300_000,
		});
		expect(destroyed).toEqual([1, 2, 3]);
		expect(prepared).toEqual([{ fileName: 'de.docx', mimeType: 'application/vnd.openxmlformats' }]);
	});

	it('refuses a fourth redirect, an error status and a link in clear text, naming what it fetched', async () => {
		const redirect = { statusCode: 302, headers: { location: 'https://cdn.example.com/next' } };
		const four = fake([redirect, redirect, redirect, redirect]);
		await expect(
			downloadLink(four.ctx, 'https://a.example.com/f', 'f', { what: 'The file' }),
		).rejects.toThrow(new VendorApiError('The file: more than 3 redirects', 502));
		expect(four.calls).toHaveLength(4);

		for (const statusCode of [404, 500, 199, 300]) {
			const failing = fake([{ statusCode }]);
			const error = await downloadLink(failing.ctx, 'https://a.example.com/f', 'f').catch(
				(e: VendorApiError) => e,
			);
			expect(error).toBeInstanceOf(VendorApiError);
			expect((error as VendorApiError).message).toBe(
				`the download link answered HTTP ${statusCode}`,
			);
			expect((error as VendorApiError).httpStatus).toBe(statusCode);
			expect(failing.destroyed).toEqual([1]);
		}

		const clear = fake([]);
		await expect(downloadLink(clear.ctx, 'http://files.example.com/f', 'f')).rejects.toThrow(
			/^the download link cannot be followed: /,
		);
		expect(clear.calls).toHaveLength(0);
	});

	it('names the file from the link when there is no Content-Disposition, else the fallback', async () => {
		const named = fake([{ statusCode: 200 }]);
		await downloadLink(named.ctx, 'https://a.example.com/files/%C3%9C.txt', 'f', { timeoutMs: 5 });
		expect(named.prepared[0].fileName).toBe('Ü.txt');
		expect(named.calls[0].timeout).toBe(5);
		const bare = fake([{ statusCode: 200 }]);
		await downloadLink(bare.ctx, 'https://a.example.com/', 'fallback.txt');
		expect(bare.prepared[0].fileName).toBe('fallback.txt');
		const broken = fake([{ statusCode: 200 }]);
		await downloadLink(broken.ctx, 'https://a.example.com/%E0%A4%A', 'fallback.txt');
		expect(broken.prepared[0].fileName).toBe('fallback.txt');
	});
});

describe('the edges of names, types and redirects', () => {
	it.each([
		["attachment; filename*= UTF-8''%41.txt", 'A.txt'],
		['attachment; filename="dir/ x.txt "', 'x.txt'],
	])('%j → %j', (disposition, name) => {
		expect(fileNameOf(disposition)).toBe(name);
	});

	it('a redirect is a 3xx with a Location (300 and 399 too); a 2xx or a 400 with a Location is not', async () => {
		const followed = fake([
			{ statusCode: 300, headers: { location: '/b' } },
			{ statusCode: 399, headers: { location: '/c' } },
			{
				statusCode: 200,
				headers: { location: '/d', 'content-type': 'text/plain ; charset=utf-8' },
			},
		]);
		await downloadLink(followed.ctx, 'https://a.example.com/a', 'f.txt');
		expect(followed.calls.map((c) => c.url)).toEqual([
			'https://a.example.com/a',
			'https://a.example.com/b',
			'https://a.example.com/c',
		]);
		expect(followed.prepared).toEqual([{ fileName: 'c', mimeType: 'text/plain' }]);

		const refused = fake([{ statusCode: 400, headers: { location: '/b' } }]);
		await expect(downloadLink(refused.ctx, 'https://a.example.com/a', 'f')).rejects.toThrow(
			'the download link answered HTTP 400',
		);
		expect(refused.calls).toHaveLength(1);
	});

	it('a file sent as application/octet-stream, or without a type, gets no type from us', async () => {
		const { ctx, prepared } = fake([
			{ statusCode: 200, headers: { 'content-type': 'application/octet-stream' } },
			{ statusCode: 200 },
		]);
		await downloadLink(ctx, 'https://a.example.com/x.bin', 'f');
		await downloadLink(ctx, 'https://a.example.com/y.bin', 'f');
		expect(prepared).toEqual([
			{ fileName: 'x.bin', mimeType: undefined },
			{ fileName: 'y.bin', mimeType: undefined },
		]);
	});

	it('names the file from the last segment of a link ending in /', async () => {
		const { ctx, prepared } = fake([{ statusCode: 200 }]);
		await downloadLink(ctx, 'https://a.example.com/files/x.txt/', 'fallback.txt');
		expect(prepared[0].fileName).toBe('x.txt');
	});

	it('an error answer without a body to close is still the error it is', async () => {
		const { ctx } = fake([{ statusCode: 502, body: undefined }]);
		await expect(downloadLink(ctx, 'https://a.example.com/f', 'f')).rejects.toThrow(
			new VendorApiError('the download link answered HTTP 502', 502),
		);
	});
});

describe('waitForVendorJob', () => {
	it('asks again after 1, 2, 4 … times the interval; done in time is the value', async () => {
		let checks = 0;
		const value = await waitForVendorJob(
			'The export',
			async () => (++checks < 4 ? { done: false } : { done: true, value: 'file' }),
			{ timeoutMs: 1000, intervalMs: 5 },
		);
		expect([value, checks]).toEqual(['file', 4]);
	});

	it('not done in time: an error naming the job and what to do', async () => {
		const error = (await waitForVendorJob('The export', async () => ({ done: false }), {
			timeoutMs: 30,
			intervalMs: 10,
		}).catch((e: unknown) => e)) as VendorApiError;
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error.message).toBe('The export did not finish within 0 s');
		expect(error.httpStatus).toBe(504);
	});
});
