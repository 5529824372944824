import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

/** The value of a trigger's event filter that lets every event through, including codes the vendor adds later. */
export const ALL_EVENTS = '*';

/** Whether the node's event filter (a list of codes, possibly with ALL_EVENTS) wants this event code. */
export function isEventWanted(code: string, selected: readonly string[]): boolean {
	return selected.includes(ALL_EVENTS) || selected.includes(code);
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
		displayName: 'Events',
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

/** "Output": one item per element of a batch (the default, docs/design.md), or the whole delivery as one item. */
export function outputProperty(
	perElementDescription: string,
	batchDescription: string,
): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'perElement',
		options: [
			{ name: 'One Item Each', value: 'perElement', description: perElementDescription },
			{ name: 'One Item per Delivery', value: 'perDelivery', description: batchDescription },
		],
	};
}
