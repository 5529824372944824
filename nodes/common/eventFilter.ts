/** The value of a trigger's event filter that lets every event through, including codes the vendor adds later. */
export const ALL_EVENTS = '*';

/** Whether the node's event filter (a list of codes, possibly with ALL_EVENTS) wants this event code. */
export function isEventWanted(code: string, selected: readonly string[]): boolean {
	return selected.includes(ALL_EVENTS) || selected.includes(code);
}
