import {
	NodeOperationError,
	type IHookFunctions,
	type INodeProperties,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { unauthorized } from './responses';
import { MIN_SECRET_LENGTH, secretMatches } from './secret';

/**
 * A secret token in the callback URL, for vendors that cannot sign their callbacks or send a header (Beebox,
 * Gengo): the user appends it to the URL they give the vendor, the trigger checks it in constant time.
 * In the query string it is `?token=...`; in the path the production URL ends in `/<token>`.
 */
export const URL_TOKEN_QUERY_PARAMETER = 'token';
type UrlTokenLocation = 'none' | 'query' | 'path';

/** The node parameters: where the token is, and the token. */
export function urlTokenProperties(basePath: string): INodeProperties[] {
	return [
		{
			displayName: 'Secret Token',
			name: 'urlTokenLocation',
			type: 'options',
			options: [
				{
					name: 'None',
					value: 'none',
					description: 'Anyone who knows the URL can start the workflow',
				},
				{
					name: 'In the Query String',
					value: 'query',
					description: `Deliveries must carry ?${URL_TOKEN_QUERY_PARAMETER}=&lt;token&gt;`,
				},
				{
					name: 'In the URL Path',
					value: 'path',
					description: `The URL ends in /${basePath}/&lt;token&gt;`,
				},
			],
			default: 'none',
			description:
				'Makes forged deliveries fail with 401: the vendor cannot sign its callbacks, so a secret in the URL is what tells them apart',
		},
		{
			displayName: 'Token',
			name: 'urlToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { urlTokenLocation: ['query', 'path'] } },
			hint: `At least ${MIN_SECRET_LENGTH} random characters (letters, digits, - and _), e.g. from "openssl rand -hex 24"`,
			description: `Query string: append ?${URL_TOKEN_QUERY_PARAMETER}=&lt;token&gt; to the production URL. URL path: replace the last segment of the production URL (:token-…) with the token.`,
		},
	];
}

/**
 * The webhook route: `/webhook/<webhookId>/<basePath>`, or with the token in the path
 * `/webhook/<webhookId>/<basePath>/<token>`. n8n only matches a route parameter in a "full path" webhook, whose
 * path it does not prefix with the webhook id itself: it then expects the id as the URL's first segment and
 * stores the rest as the template, the way its own Webhook node does. So `isFullPath` follows the token location
 * too; n8n evaluates both expressions when it registers the webhook and when the editor shows the URL.
 * n8n keys stored webhooks by template and method alone, so the template must differ between workflows: a
 * plain `<basePath>/:token` would let only one workflow per n8n use a path token ("The URL path ... is already
 * taken"). The parameter is therefore named after the node's webhook id (pathTokenParameter).
 */
export function urlTokenWebhookRoute(basePath: string): { path: string; isFullPath: boolean } {
	return {
		path: `={{ $parameter["urlTokenLocation"] === "path" ? "${basePath}/:${PATH_TOKEN_PREFIX}" + $webhookId : "${basePath}" }}`,
		// An expression where IWebhookDescription's type says boolean: n8n resolves it like `path`.
		isFullPath: '={{ $parameter["urlTokenLocation"] === "path" }}' as unknown as boolean,
	};
}

const PATH_TOKEN_PREFIX = 'token-';

/** The route parameter a path token arrives in, for the node with this webhook id (see urlTokenWebhookRoute). */
export function pathTokenParameter(webhookId: string | undefined): string {
	return `${PATH_TOKEN_PREFIX}${webhookId}`;
}

/** Throws DeliveryRejected(401) unless the delivery carries the configured token. */
export function checkUrlToken(ctx: IWebhookFunctions, query: Record<string, unknown>): void {
	const location = ctx.getNodeParameter('urlTokenLocation', 'none') as UrlTokenLocation;
	if (location === 'none') return;
	const expected = ctx.getNodeParameter('urlToken', '') as string;
	const received =
		location === 'path'
			? (ctx.getParamsData() as Record<string, unknown>)[
					pathTokenParameter(ctx.getNode().webhookId)
				]
			: query[URL_TOKEN_QUERY_PARAMETER];
	if (!secretMatches(received, expected)) throw unauthorized('missing or wrong secret token');
}

/** On activation: a token that is required must be long enough to be a secret. */
export function assertUrlTokenConfigured(ctx: IHookFunctions): void {
	const location = ctx.getNodeParameter('urlTokenLocation', 'none') as UrlTokenLocation;
	if (location === 'none') return;
	const token = ctx.getNodeParameter('urlToken', '') as string;
	if (token.length < MIN_SECRET_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The secret token must be at least ${MIN_SECRET_LENGTH} characters of letters, digits, - and _`,
			{
				description:
					'Generate one, e.g. with "openssl rand -hex 24", and put the same token in the URL you give the vendor.',
			},
		);
	}
}

/**
 * The webhookMethods of a trigger whose vendor has no registration API (Beebox, Gengo): nothing to register, the
 * user pastes the URL. Activation checks the node's own settings instead, so a weak or missing token fails there
 * with a clear message rather than answering 401 to every delivery.
 */
export const urlTokenWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return false;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			assertUrlTokenConfigured(this);
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
