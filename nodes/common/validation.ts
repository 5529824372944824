import type { z } from 'zod/v4';

import { badRequest } from './responses';

/**
 * Validates a delivery against a vendor's schema. On failure the first problem becomes the one-line reason of
 * a 400 answer (DeliveryRejected), so the sender learns what to fix and no workflow starts.
 */
export function parseDelivery<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (!result.success) throw badRequest(result.error.issues[0]?.message ?? 'malformed delivery');
	return result.data;
}
