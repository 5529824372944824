import type { INodeParameters, NativeParameterResolvers, WEBHOOK_RESOLVERS } from 'n8n-workflow';

/**
 * The key under which n8n (2.x: n8n-workflow's `WEBHOOK_RESOLVERS`, a registered symbol) looks for native resolvers
 * of a webhook description's expression fields (responseMode, path, ...). For a node whose parameters hold no
 * expression, n8n computes such a field with the resolver instead of evaluating its template in the expression
 * engine, which under n8n's default `vm` engine costs every delivery a round trip to an isolate per field. n8n
 * uses a resolver only while the field still holds the template it was declared with. Where n8n does not know the
 * key (1.x) it evaluates the template, which must therefore compute the same value: each node's test holds the two
 * to the same answer with n8n's own functions (test/common/delivery/triggerProperties.test.ts).
 * `Symbol.for`, not an import: the package must load in n8n versions whose n8n-workflow has no such export.
 */
export const WEBHOOK_DESCRIPTION_RESOLVERS = Symbol.for(
	'n8n.webhookDescriptionResolvers',
) as typeof WEBHOOK_RESOLVERS;

/** A webhook description's field: its expression template and the same computed natively. */
export interface NativeField {
	template: string;
	resolve: (parameters: INodeParameters) => string | boolean;
}

/**
 * The fields of a webhook description, templates and resolvers, to spread into it:
 * `{ ...nativeFields({ responseMode: { template, resolve } }) }`.
 */
export function nativeFields(fields: Record<string, NativeField>): Record<string, string> & {
	[WEBHOOK_DESCRIPTION_RESOLVERS]: NativeParameterResolvers;
} {
	const templates: Record<string, string> = {};
	for (const [name, field] of Object.entries(fields)) templates[name] = field.template;
	return { ...templates, [WEBHOOK_DESCRIPTION_RESOLVERS]: { ...fields } };
}
