import type { ICredentialTestFunctions } from 'n8n-workflow';

import { jsonOrText } from './body';

/**
 * A stand-in for a credential test's `this`: n8n gives credential tests only the legacy `helpers.request`
 * (request-promise options: uri, qs, json, resolveWithFullResponse, simple). This one does real HTTP with fetch.
 */
export function fakeCredentialTestContext(): ICredentialTestFunctions {
	const request = async (options: {
		method?: string;
		uri: string;
		qs?: Record<string, unknown>;
		body?: unknown;
		json?: boolean;
		headers?: Record<string, string>;
	}) => {
		const url = new URL(options.uri);
		for (const [key, value] of Object.entries(options.qs ?? {}))
			url.searchParams.set(key, String(value));
		// request-promise with `json: true` sends an object body as JSON
		const body = options.body === undefined ? undefined : JSON.stringify(options.body);
		const response = await fetch(url, {
			method: options.method ?? 'GET',
			body,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...options.headers,
			},
		});
		return { statusCode: response.status, body: jsonOrText(await response.text()) };
	};
	return { helpers: { request } } as unknown as ICredentialTestFunctions;
}
