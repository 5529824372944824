import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IWebhookFunctions,
} from 'n8n-workflow';

import { credentialOnce, requestWithCredential, VendorApiError } from '../common/http';
import { smartcatApiRoot } from './servers';

type SmartcatContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions;

/** A failed Smartcat API call: the HTTP status and Smartcat's message (its error bodies are text or JSON). */
export class SmartcatApiError extends VendorApiError {}

function messageOf(body: unknown): string {
	if (typeof body === 'string') return body.trim().slice(0, 300);
	if (body && typeof body === 'object') {
		const { message, error, title, Message } = body as Record<string, unknown>;
		for (const candidate of [message, Message, error, title])
			if (typeof candidate === 'string' && candidate) return candidate;
		return JSON.stringify(body).slice(0, 300);
	}
	return '';
}

/**
 * One call to the Smartcat API with the node's `smartcatApi` credential (Basic auth through the credential's
 * `authenticate`). Answers `{status, body}` for 2xx and for the statuses in `accept` (e.g. 404 of callback GET);
 * anything else is a SmartcatApiError with Smartcat's message.
 */
export async function smartcatRequest(
	ctx: SmartcatContext,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject; accept?: number[] } = {},
): Promise<{ status: number; body: unknown }> {
	const credentials = await credentialOnce(ctx, 'smartcatApi');
	const answer = await requestWithCredential(ctx, 'smartcatApi', {
		method,
		url: `${smartcatApiRoot(credentials)}${path}`,
		qs: options.qs,
		body: options.body,
	});
	if ('unreachable' in answer)
		throw new SmartcatApiError(`Smartcat API unreachable: ${answer.unreachable}`, answer.httpCode);
	const { status, body } = answer;
	if ((status >= 200 && status < 300) || options.accept?.includes(status)) return { status, body };
	const detail = messageOf(body);
	const hint =
		status === 401 || status === 403
			? ' (check the account ID, API key and server of the Smartcat credential)'
			: '';
	throw new SmartcatApiError(
		`Smartcat ${method} ${path}: HTTP ${status}${detail ? `: ${detail}` : ''}${hint}`,
		status,
	);
}
