import type { IDataObject } from 'n8n-workflow';

import {
	secretFromCredential,
	type DerivedSecretSource,
} from '../../nodes/common/secrets/webhookSecret';
import { fakeWebhookContext, type Delivered, type FakeRequest } from './webhookContext';

/**
 * Automatic registration (Smartcat, Phrase TMS) never stores the secret the vendor sends: it derives it from the
 * vendor credential and the node (nodes/common/secrets/webhookSecret.ts). These give tests the value registration gave
 * the vendor for the fake node with the given credentials.
 */
export async function registeredSecret(
	source: DerivedSecretSource,
	credentials: Record<string, IDataObject>,
): Promise<string> {
	return await secretFromCredential(fakeWebhookContext({ credentials }).ctx, source);
}

/**
 * A trigger's deliver function (deliverTo) for tests written with a placeholder secret: every header whose value is
 * `placeholder` carries the secret derived from the request's vendor credential instead (`defaults` when the
 * request has none of that type). A request whose credential gives no secret keeps the placeholder.
 */
export function deliverWithDerivedSecret(
	deliver: (request: FakeRequest) => Promise<Delivered>,
	source: DerivedSecretSource,
	placeholder: string,
	defaults: Record<string, IDataObject>,
): (request: FakeRequest) => Promise<Delivered> {
	return async (request) => {
		const credentials = request.credentials?.[source.credentialType]
			? request.credentials
			: { ...defaults, ...request.credentials };
		const secret = await registeredSecret(source, credentials).catch(() => placeholder);
		const headers = Object.fromEntries(
			Object.entries(request.headers ?? {}).map(([name, value]) => [
				name,
				value === placeholder ? secret : value,
			]),
		);
		return await deliver({ ...request, credentials, headers });
	};
}
