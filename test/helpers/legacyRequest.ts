/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { Readable } from 'node:stream';

import type { ICredentialTestFunctions } from 'n8n-workflow';

import { jsonOrText } from './body';

/** One request a fake credential test made, as it went out. */
export interface LegacyRequestSeen {
	method: string;
	url: string;
	headers: Record<string, string>;
}

/**
 * A stand-in for a credential test's `this`: n8n gives credential tests only the legacy `helpers.request`
 * (request-promise options: uri, qs, json, resolveWithFullResponse, simple, followRedirect, useStream). This one
 * does real HTTP with fetch, with n8n's semantics for those options: redirects followed unless `followRedirect`
 * is false, the body a stream with `useStream`, an object body sent as JSON and text as it is.
 */
export function fakeCredentialTestContext(
	seen: LegacyRequestSeen[] = [],
): ICredentialTestFunctions {
	const request = async (options: {
		method?: string;
		uri: string;
		qs?: Record<string, unknown>;
		body?: unknown;
		json?: boolean;
		headers?: Record<string, string>;
		followRedirect?: boolean;
		useStream?: boolean;
		timeout?: number;
	}) => {
		const url = new URL(options.uri);
		for (const [key, value] of Object.entries(options.qs ?? {}))
			url.searchParams.set(key, String(value));
		// request-promise with `json: true` sends an object body as JSON, text as it is
		const body =
			options.body === undefined || typeof options.body === 'string'
				? options.body
				: JSON.stringify(options.body);
		const headers = {
			...(typeof options.body === 'object' ? { 'content-type': 'application/json' } : {}),
			...options.headers,
		};
		seen.push({ method: options.method ?? 'GET', url: url.toString(), headers });
		const response = await fetch(url, {
			method: options.method ?? 'GET',
			body,
			headers,
			redirect: options.followRedirect === false ? 'manual' : 'follow',
			signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
		});
		const responseHeaders: Record<string, string> = {};
		response.headers.forEach((value, key) => (responseHeaders[key] = value));
		return {
			statusCode: response.status,
			headers: responseHeaders,
			body:
				options.useStream && response.body
					? Readable.fromWeb(response.body as never)
					: jsonOrText(await response.text()),
		};
	};
	return { helpers: { request } } as unknown as ICredentialTestFunctions;
}
