/**
 * The deepest nesting any vendor's delivery has is about eight levels (a Phrase job part's `assignedTo` linguist,
 * a Beebox event's files). Anything far deeper is not a vendor talking, and at a few thousand levels n8n's own
 * deep copy of the item throws (a 500 instead of an answer): refused before that.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys that reach an object's prototype machinery. `JSON.parse` keeps `__proto__` as an own key, object spreads
 * and zod's passthrough copy it on, and `constructor`/`prototype` are how pollution gadgets are reached. No vendor
 * sends these names.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why a parsed body (or query, or a JSON value inside a form field) cannot come from a vendor, or undefined:
 * a prototype key at any depth, or nesting deeper than MAX_JSON_DEPTH. Walks iteratively, so no input can
 * overflow the stack.
 */
export function unsafeJson(value: unknown, what: string): string | undefined {
	const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
	while (stack.length > 0) {
		const { value: current, depth } = stack.pop()!;
		if (current === null || typeof current !== 'object') continue;
		if (depth >= MAX_JSON_DEPTH) return `${what} is nested deeper than ${MAX_JSON_DEPTH} levels`;
		if (Array.isArray(current)) {
			for (const element of current) stack.push({ value: element, depth: depth + 1 });
			continue;
		}
		if (Buffer.isBuffer(current)) continue;
		for (const key of Object.keys(current)) {
			if (PROTOTYPE_KEYS.has(key)) return `${what} has a "${key}" key, which no vendor sends`;
			stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
		}
	}
	return undefined;
}
