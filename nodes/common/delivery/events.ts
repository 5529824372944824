import type {
	INodePropertyOptions,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { ignoreDelivery } from './answers';

/** The value of a trigger's event filter that lets every event through, including codes the vendor adds later. */
export const ALL_EVENTS = '*';

/**
 * The node's "Trigger On" choice (the `events` parameter of every trigger and catch-up trigger), read here and
 * nowhere else: a list of event codes, possibly with ALL_EVENTS.
 */
export function selectedEvents(ctx: {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}): string[] {
	const value = ctx.getNodeParameter('events', [ALL_EVENTS]);
	return Array.isArray(value) ? value.map(String) : [ALL_EVENTS];
}

/** Whether the node's event filter (a list of codes, possibly with ALL_EVENTS) wants this event code. */
export function isEventWanted(code: string, selected: readonly string[]): boolean {
	return selected.includes(ALL_EVENTS) || selected.includes(code);
}

/**
 * The answer for an event the node's filter does not want (200, no execution: see ignoreDelivery), or undefined
 * when it is wanted. `also` adds codes chosen elsewhere (Phrase's "Other Event Codes").
 */
export function unwantedEvent(
	ctx: IWebhookFunctions,
	code: string,
	also: readonly string[] = [],
): IWebhookResponseData | undefined {
	const selected = [...selectedEvents(ctx), ...also];
	if (isEventWanted(code, selected)) return undefined;
	return ignoreDelivery(ctx, `event ${code} is not selected in the node's event filter`);
}

/** The node subtitle every trigger shows: its chosen events. */
export const EVENTS_SUBTITLE =
	'={{ ($parameter["events"] || []).includes("*") ? "All events" : ($parameter["events"] || []).join(", ") }}';

/** The "Events" multi-select every trigger has: All Events (the default, also passing unknown codes), then the vendor's. */
export function eventsProperty(
	options: INodePropertyOptions[],
	description: string,
): INodeProperties {
	return {
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [ALL_EVENTS],
		description,
		options: [
			{
				name: 'All Events',
				value: ALL_EVENTS,
				description: 'Every event, including codes not listed here',
			},
			...options,
		],
	};
}
