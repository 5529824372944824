import { z } from 'zod/v4';

/**
 * What Smartcat sends and answers (help.smartcat.ai/hc/en-us/articles/360000048572, "Using notification callbacks"):
 * - a callback: `Content-Type: application/json`, a JSON array of string ids;
 * - callback settings: `{url, additionalHeaders: [{name, value}]}`;
 * - last delivery errors: `[{Id, Created, Expired, ApplicationId, Url, FailResponse: {Reason, Code, Content}}]`.
 */
export const smartcatDeliverySchema = z
	.array(
		z
			.string({ error: 'every id must be a string' })
			.trim()
			.min(1, 'an id is empty')
			.max(200, 'an id is longer than 200 characters'),
		{
			error: 'the body is not a JSON array of ids',
		},
	)
	.max(10_000, 'more than 10000 ids in one delivery');

export const smartcatCallbackSettingsSchema = z
	.object({
		url: z.string().nullish(),
		additionalHeaders: z
			.array(z.object({ name: z.string().nullish(), value: z.string().nullish() }).passthrough())
			.nullish(),
	})
	.passthrough();

export type SmartcatCallbackSettings = z.output<typeof smartcatCallbackSettingsSchema>;

export const smartcatLastErrorSchema = z
	.object({
		Id: z.string().nullish(),
		Created: z.string().nullish(),
		Expired: z.string().nullish(),
		ApplicationId: z.string().nullish(),
		Url: z.string().nullish(),
		FailResponse: z
			.object({
				Reason: z.string().nullish(),
				Code: z.number().nullish(),
				Content: z.string().nullish(),
			})
			.passthrough()
			.nullish(),
	})
	.passthrough();

/** A project or a document as the API answers it: kept whole; `id`, `name` and `status` are read. */
export const smartcatEntitySchema = z
	.object({ id: z.string().nullish(), name: z.string().nullish(), status: z.string().nullish() })
	.passthrough();

export type SmartcatEntity = z.output<typeof smartcatEntitySchema>;
