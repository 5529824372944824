import type {
	IHookFunctions,
	INodeParameters,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';

import { unauthorized } from '../delivery/answers';
import { nativeFields } from '../delivery/nativeFields';
import type { WebhookRoute } from '../delivery/triggerProperties';
import { ONE_SECRET_PER_VENDOR, secretMatches, STRONG_SECRET_IN_ONE_STEP } from './secretPolicy';
import { credentialSecret, noSecretNotice } from './webhookSecret';

/**
 * A secret token in the callback URL, for vendors that cannot sign their callbacks or send a header (Beebox,
 * Gengo): the user appends it to the URL they give the vendor, the trigger checks it in constant time.
 * In the query string it is `?token=...` (the default: n8n logs a request's path, never its query); in the path
 * the production URL ends in `/<token>`, kept for a vendor that cannot keep a query string in the URL it is
 * given (Beebox appends its own `?bbevent=...` parameters, https://help.wordbee.com/beebox/callbacks-configure).
 *
 * A token is required by default (closed by default) and kept in the Translation Webhook Secret credential, never in
 * the workflow; "No Secret" is an explicit choice.
 */
export const URL_TOKEN_QUERY_PARAMETER = 'token';
type UrlTokenLocation = 'none' | 'query' | 'path';

/**
 * Why the query string is the default: n8n writes the path of a request to its log (at error level when no active
 * workflow has the URL, e.g. while this one is unpublished; at debug level for every delivery), never its query.
 */
export const URL_TOKEN_LOCATION_HINT =
	"Query string is the default: n8n writes a request's path to its log (every delivery at debug level; at error level while the workflow is unpublished), never its query string, so a token in the path ends up in n8n's log. Use the path only if the vendor cannot keep a query string in the URL.";

/** The node parameters: where the token is, and what to give the vendor. */
export function urlTokenProperties(basePath: string): INodeProperties[] {
	const queryDescription = `The vendor calls the URL with ?${URL_TOKEN_QUERY_PARAMETER}=&lt;secret&gt; appended`;
	const pathDescription = `The URL ends in /${basePath}/&lt;secret&gt;. n8n logs request paths, so the secret reaches its log.`;
	return [
		{
			displayName: 'Secret Token',
			name: 'urlTokenLocation',
			type: 'options',
			options: [
				{
					name: 'In the Query String (Recommended)',
					value: 'query',
					description: queryDescription,
				},
				{ name: 'In the URL Path', value: 'path', description: pathDescription },
				{
					name: 'No Secret (Not Recommended)',
					value: 'none',
					description: 'Anyone who knows the URL can start the workflow with made-up events',
				},
			],
			default: 'query',
			hint: URL_TOKEN_LOCATION_HINT,
			description:
				'The vendor cannot sign its callbacks: a secret in the URL, kept in a Translation Webhook Secret credential, is what tells its callbacks from forged ones (401)',
		},
		{
			displayName: `Give the vendor the URL above plus <b>?${URL_TOKEN_QUERY_PARAMETER}=&lt;secret&gt;</b>: the Production URL (the Test URL while you click Execute step) with the secret of your Translation Webhook Secret credential appended, e.g. <code>https://n8n.example.com/webhook/…/${basePath}?${URL_TOKEN_QUERY_PARAMETER}=&lt;secret&gt;</code>. Without it every delivery gets 401. ${STRONG_SECRET_IN_ONE_STEP} ${ONE_SECRET_PER_VENDOR}.`,
			name: 'urlTokenQueryNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { urlTokenLocation: ['query'] } },
		},
		{
			displayName: `The URL above ends in <b>:token-…</b>: give the vendor that URL with this last segment replaced by the secret of your Translation Webhook Secret credential, e.g. <code>https://n8n.example.com/webhook/…/${basePath}/&lt;secret&gt;</code>. Without it every delivery gets 401. ${STRONG_SECRET_IN_ONE_STEP} ${ONE_SECRET_PER_VENDOR}.`,
			name: 'urlTokenPathNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { urlTokenLocation: ['path'] } },
		},
		PATH_TOKEN_ROUTE,
		noSecretNotice({ urlTokenLocation: ['none'] }),
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
export function urlTokenWebhookRoute(basePath: string): WebhookRoute {
	const inPath = (parameters: INodeParameters) => parameters.urlTokenLocation === 'path';
	const { path, isFullPath, ...resolvers } = nativeFields({
		path: {
			template: `={{ $parameter["urlTokenLocation"] === "path" ? "${basePath}/:${PATH_TOKEN_PREFIX}" + $webhookId : "${basePath}" }}`,
			// A path token's route needs the node's webhook id, which a resolver is not given: with the token in the
			// path the node holds PATH_TOKEN_ROUTE, an expression, so n8n evaluates the template instead. Should it
			// still get here, the route parameter's name is one no node reads: every delivery is refused (401).
			resolve: (parameters) =>
				inPath(parameters) ? `${basePath}/:${PATH_TOKEN_PREFIX}unresolved` : basePath,
		},
		// An expression where IWebhookDescription's type says boolean: n8n resolves it like `path`.
		isFullPath: { template: '={{ $parameter["urlTokenLocation"] === "path" }}', resolve: inPath },
	});
	return { path, isFullPath: isFullPath as unknown as boolean, ...resolvers };
}

const PATH_TOKEN_PREFIX = 'token-';

/**
 * Held by a node with the token in the path, never read: an expression among a node's parameters makes n8n
 * evaluate its webhook description's templates rather than use their native resolvers (nativeFields), and only
 * the template of `path` knows the webhook id (urlTokenWebhookRoute).
 */
const PATH_TOKEN_ROUTE: INodeProperties = {
	displayName: 'Path Token Route',
	name: 'pathTokenRoute',
	type: 'hidden',
	default: '={{ $webhookId }}',
	displayOptions: { show: { urlTokenLocation: ['path'] } },
};

/** The route parameter a path token arrives in, for the node with this webhook id (see urlTokenWebhookRoute). */
export function pathTokenParameter(webhookId: string | undefined): string {
	return `${PATH_TOKEN_PREFIX}${webhookId}`;
}

function location(ctx: IWebhookFunctions | IHookFunctions): UrlTokenLocation {
	return ctx.getNodeParameter('urlTokenLocation', 'query') as UrlTokenLocation;
}

/** Throws DeliveryRejected(401) unless the delivery carries the configured token. */
export async function checkUrlToken(
	ctx: IWebhookFunctions,
	query: Record<string, unknown>,
): Promise<void> {
	const where = location(ctx);
	if (where === 'none') return;
	const expected = await credentialSecret(ctx).catch((error: Error) => {
		ctx.logger.error(`${ctx.getNode().name}: ${error.message}`);
		return '';
	});
	const received =
		where === 'path'
			? (ctx.getParamsData() as Record<string, unknown>)[
					pathTokenParameter(ctx.getNode().webhookId)
				]
			: query[URL_TOKEN_QUERY_PARAMETER];
	if (!secretMatches(received, expected)) throw unauthorized('missing or wrong secret token');
}

/**
 * On activation: a token that is required must be in the credential and follow the secret rule, so a weak or
 * missing token fails there with a clear message (credentialSecret) rather than answering 401 to every delivery.
 */
export async function assertUrlTokenConfigured(ctx: IHookFunctions): Promise<void> {
	if (location(ctx) === 'none') return;
	await credentialSecret(ctx);
}

/**
 * A URL as safe to show in an item: a `token` query parameter and a token path segment after `/<basePath>/`
 * replaced by `***`. Gengo echoes each job's callback_url back, token included.
 */
export function redactUrlToken(url: string, basePath: string): string {
	return url
		.replace(new RegExp(`([?&]${URL_TOKEN_QUERY_PARAMETER}=)[^&#]*`, 'g'), '$1***')
		.replace(new RegExp(`(/${basePath}/)[^/?#]+`), '$1***');
}

/**
 * The webhookMethods of a trigger whose vendor has no registration API (Beebox, Gengo): nothing to register, the
 * user pastes the URL. Activation checks the node's own settings instead.
 */
export const urlTokenWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return false;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			await assertUrlTokenConfigured(this);
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
