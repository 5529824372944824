import type { IDataObject } from 'n8n-workflow';

import { jsonItems, type Operation } from '../../../common/actions/operations';
import { getCallbackSettings } from '../../api';

/** Header values are secrets (a Smartcat Trigger's among them): shown masked, never in the output. */
export function maskedHeaders(
	headers: Array<{ name?: string | null; value?: string | null }> | null | undefined,
): IDataObject[] {
	return (headers ?? []).map((header) => ({
		name: header.name ?? null,
		value: header.value ? '***' : (header.value ?? null),
	}));
}

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get callback setting',
		description: 'No callback set: one item with "isSet": false',
	},
	properties: [],
	async execute(ctx, i) {
		// Smartcat answers 404 when no callback is set: an item that says so, not an error.
		const settings = await getCallbackSettings(ctx);
		return jsonItems(
			settings
				? {
						isSet: true,
						url: settings.url ?? null,
						additionalHeaders: maskedHeaders(settings.additionalHeaders),
					}
				: { isSet: false, url: null, additionalHeaders: [] },
			i,
		);
	},
};
