// VendorApiError, the one error type of every vendor client, and how it reaches n8n (nodes/common/http/vendorError.ts).
import { NodeApiError, type INode, type IExecuteFunctions } from 'n8n-workflow';

import { toNodeApiError, VendorApiError } from '../../../nodes/common/http/vendorError';

const node: INode = {
	id: '1',
	name: 'Gengo',
	type: 'n8n-nodes-translation-events.gengo',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const ctx = { getNode: () => node } as unknown as IExecuteFunctions;

describe('VendorApiError.isUnavailable: worth retrying later, as opposed to a refusal', () => {
	it.each([
		[0, true],
		[429, true],
		[500, true],
		[503, true],
		[499, false],
		[400, false],
		[401, false],
		[404, false],
	])('HTTP %s → %s', (status, unavailable) => {
		expect(new VendorApiError('x', status).isUnavailable).toBe(unavailable);
	});
});

describe('toNodeApiError', () => {
	it("keeps the vendor's message, code, hint and HTTP status, and the item", () => {
		const error = toNodeApiError(
			ctx,
			new VendorApiError('Gengo GET /x failed: Not Found', 404, {
				vendorCode: 1150,
				hint: 'Check it',
			}),
			2,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Gengo GET /x failed: Not Found');
		expect(error.description).toBe('Check it');
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(2);
	});

	it('wraps any other error with its message redacted, not with the request it may carry', () => {
		const error = Object.assign(
			new Error('GET https://api.example.com/v2/account?api_key=pub&api_sig=0123abcd failed'),
			{
				httpCode: '502',
				config: { url: 'https://api.example.com/v2/account?api_sig=0123abcd' },
			},
		);
		const wrapped = toNodeApiError(ctx, error);
		expect(wrapped.message).toBe('GET https://api.example.com/v2/account failed');
		expect(wrapped.httpCode).toBe('502');
		expect(JSON.stringify(wrapped)).not.toContain('0123abcd');
		expect(String(wrapped.description ?? '')).not.toContain('0123abcd');
	});

	it('passes a NodeApiError through and wraps anything else', () => {
		const own = new NodeApiError(node, { message: 'as is' });
		expect(toNodeApiError(ctx, own)).toBe(own);
		const wrapped = toNodeApiError(ctx, new Error('socket hang up'), 1);
		expect(wrapped).toBeInstanceOf(NodeApiError);
		expect(wrapped.context.itemIndex).toBe(1);
		expect(toNodeApiError(ctx, new VendorApiError('down', 0)).httpCode).toBeNull();
	});
});
