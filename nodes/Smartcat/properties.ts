import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { SMARTCAT_STATUSES } from './events';

/**
 * "Only Statuses", the one status filter of the Smartcat Trigger (with Fetch Details) and the Smartcat Catch-Up
 * Trigger: the statuses Smartcat's API gives projects and documents; none chosen lets every status through.
 */
export function statusFilterProperty(
	description: string,
	show?: IDisplayOptions['show'],
): INodeProperties {
	return {
		displayName: 'Only Statuses',
		name: 'statusFilter',
		type: 'multiOptions',
		default: [],
		options: SMARTCAT_STATUSES.map(({ name, value, description: about }) => ({
			name,
			value,
			description: about,
		})),
		...(show ? { displayOptions: { show } } : {}),
		description,
	};
}

/** "Only Statuses": the chosen statuses (a list; comma-separated text from an expression), compared without case. */
export function parseStatuses(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return list.map((s) => s.trim().toLowerCase()).filter(Boolean);
}

/** The statuses the node keeps (empty: all), read here for both triggers. */
export function selectedStatuses(ctx: {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}): string[] {
	return parseStatuses(ctx.getNodeParameter('statusFilter', []));
}
