import { NodeOperationError, type IWebhookFunctions } from 'n8n-workflow';

import {
	badRequest,
	DeliveryRejected,
	handleDelivery,
	ignoreDelivery,
	orRetryLater,
	REFUSALS_LOGGED_PER_MINUTE,
	startWorkflow,
	unauthorized,
} from '../../../nodes/common/delivery/answers';
import { secretProblem } from '../../../nodes/common/secrets/secretPolicy';
import { scriptedContext } from '../../helpers/scriptedContext';

/** The shared delivery pipeline, its answers and its refusals, against a stand-in for n8n's webhook context. */
function webhook(
	request: {
		headers?: Record<string, unknown>;
		body?: unknown;
		query?: unknown;
		rawBody?: Buffer;
		url?: string;
	} = {},
) {
	const scripted = scriptedContext({ credentials: {} });
	const ctx = {
		...(scripted.ctx as object),
		getHeaderData: () => request.headers ?? {},
		getRequestObject: () => ({ rawBody: request.rawBody, url: request.url ?? '/webhook/x' }),
		getBodyData: () => request.body ?? {},
		getQueryData: () => request.query ?? {},
		getNode: () => ({ name: 'Trigger', type: 'test', typeVersion: 1, parameters: {} }),
	} as unknown as IWebhookFunctions;
	return {
		ctx,
		answers: scripted.responses,
		errors: scripted.logs.error,
		warnings: scripted.logs.warn,
	};
}

describe('handleDelivery', () => {
	it('answers a DeliveryRejected itself, with its status, code and message, and tells n8n not to answer', async () => {
		const { ctx, answers } = webhook();
		const result = await handleDelivery(ctx, () => {
			throw badRequest('bbid is missing');
		});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answers).toEqual([{ status: 400, body: { code: 400, message: 'bbid is missing' } }]);
	});

	it('refuses a body n8n could not decode, by its Content-Encoding header', async () => {
		const { ctx, answers } = webhook({ headers: { 'Content-Encoding': 'br' } });
		const handler = jest.fn();
		await handleDelivery(ctx, handler);
		expect(handler).not.toHaveBeenCalled();
		expect(answers[0].status).toBe(400);
		expect((answers[0].body as { message: string }).message).toMatch(/Content-Encoding "br"/);
	});

	it('refuses prototype keys in the body and in the query, naming which', async () => {
		for (const [where, request] of [
			['the body', { body: JSON.parse('{"__proto__":{"x":1}}') }],
			['the query', { query: JSON.parse('{"__proto__":{"x":1}}') }],
		] as const) {
			const { ctx, answers } = webhook(request);
			await handleDelivery(ctx, jest.fn());
			expect(answers[0].status).toBe(400);
			expect((answers[0].body as { message: string }).message).toContain(where);
		}
	});

	it('anything else is a bug of ours: it reaches n8n as a NodeOperationError with the node', async () => {
		const { ctx, answers } = webhook();
		await expect(
			handleDelivery(ctx, () => {
				throw new TypeError('x is undefined');
			}),
		).rejects.toThrow(NodeOperationError);
		expect(answers).toEqual([]);
	});

	it('answers: 200 without an execution for an ignored delivery; 200 and the items for a started one', () => {
		const ignored = webhook();
		expect(ignoreDelivery(ignored.ctx, 'not a wanted event')).toEqual({ noWebhookResponse: true });
		expect(ignored.answers).toEqual([
			{ status: 200, body: { code: 200, message: 'not a wanted event', workflowStarted: false } },
		]);
		expect(startWorkflow(webhook().ctx, [{ a: 1 }])).toEqual({
			workflowData: [[{ json: { a: 1 } }]],
			webhookResponse: { code: 200, message: 'Workflow was started', workflowStarted: true },
		});
	});
});

describe('orRetryLater', () => {
	it("passes the lookup's value; a refusal stays a refusal; anything else is 503 and a log line", async () => {
		const { ctx, errors } = webhook();
		expect(await orRetryLater(ctx, Promise.resolve(7), 'Fetch Details failed', 'retry')).toBe(7);
		const refusal = new DeliveryRejected(401, 'unknown job');
		await expect(
			orRetryLater(ctx, Promise.reject(refusal), 'Fetch Details failed', 'retry'),
		).rejects.toBe(refusal);
		const error = await orRetryLater(
			ctx,
			Promise.reject(new Error('HTTP 500')),
			'Fetch Details failed',
			'the lookup failed; retry later',
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DeliveryRejected);
		expect(error).toMatchObject({
			httpStatus: 503,
			message: 'the lookup failed; retry later',
			name: 'DeliveryRejected',
		});
		expect(errors).toEqual(['Fetch Details failed: HTTP 500']);
	});
});

describe('the secret rule at its edge', () => {
	it('16 characters is enough, 15 is not', () => {
		expect(secretProblem('0123456789abcdef')).toBeUndefined();
		expect(secretProblem('0123456789abcde')).toBe(
			'the secret has 15 characters; it needs at least 16',
		);
	});
});

describe("a refused delivery shows in n8n's log", () => {
	it('at warn level, naming the workflow, the node and the reason the sender got', async () => {
		const { ctx, warnings } = webhook();
		await handleDelivery(ctx, () => {
			throw unauthorized('missing or wrong secret token');
		});
		expect(warnings).toEqual([
			'Workflow "Test workflow" (wf-1), node "Trigger" refused a delivery with HTTP 401: missing or wrong secret token',
		]);
	});

	it('a flood is summarised: one line per refusal up to the limit, then a count', async () => {
		jest.useFakeTimers({ now: new Date('2026-12-06T10:00:00Z') });
		try {
			const { ctx, warnings } = webhook();
			const refuse = () =>
				handleDelivery(ctx, () => {
					throw badRequest('bbid is missing');
				});
			for (let i = 0; i < REFUSALS_LOGGED_PER_MINUTE + 30; i++) await refuse();
			expect(warnings).toHaveLength(REFUSALS_LOGGED_PER_MINUTE);
			jest.setSystemTime(new Date('2026-12-06T10:01:00Z'));
			await refuse();
			expect(warnings.slice(REFUSALS_LOGGED_PER_MINUTE)).toEqual([
				'Workflow "Test workflow" (wf-1), node "Trigger" refused 30 more deliveries in the minute before (not logged one by one)',
				'Workflow "Test workflow" (wf-1), node "Trigger" refused a delivery with HTTP 400: bbid is missing',
			]);
		} finally {
			jest.useRealTimers();
		}
	});
});
