import type { z } from 'zod/v4';

import { badRequest } from './answers';

/**
 * Validates a delivery against a vendor's schema. On failure the first problem becomes the one-line reason of
 * a 400 answer (DeliveryRejected), so the sender learns what to fix and no workflow starts. A message that does
 * not name its field gets the field's path in front (`job.unit_count: ...`); `root` names the whole input.
 */
export function parseDelivery<S extends z.ZodType>(
	schema: S,
	input: unknown,
	root?: string,
): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	if (!issue) throw badRequest('malformed delivery');
	const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
	const last = issue.path.length ? String(issue.path[issue.path.length - 1]) : root;
	const named = !path || (last !== undefined && issue.message.includes(last));
	throw badRequest(named ? issue.message : `${path}: ${issue.message}`);
}
