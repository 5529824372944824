import type { IWebhookFunctions } from 'n8n-workflow';

/**
 * The secrets deliveries are checked against, kept in memory for a few seconds. Resolving a credential in a
 * trigger's webhook() is most of what a delivery costs inside n8n under its default expression engine (every
 * credential read resolves the credential's data in a V8 isolate): a burst of callbacks (Phrase's for a large
 * project, Smartcat's status callbacks) would wait behind it. So a delivery reuses the secret a delivery to the
 * same node read less than SECRET_CACHE_MS ago.
 *
 * - Memory only: never static data, never disk; each n8n process (main, webhook process, worker) has its own.
 * - One entry per workflow, node (id and webhook id), credential type and credential id, and what the secret is
 *   for: another credential, workflow or node never shares an entry, and choosing another credential in the node
 *   takes effect at once.
 * - Bounded: at most SECRET_CACHE_MAX entries (the oldest goes first), each for at most SECRET_CACHE_MS. A rotated
 *   secret is the only one accepted, and a deleted credential refuses every delivery, SECRET_CACHE_MS after the
 *   change at the latest. Failures are never kept: a delivery after one reads the credential again.
 * - One read at a time per entry: the deliveries of a burst that find no entry (the first ones, or all those arriving
 *   as an entry expires) wait for the one read under way for their key instead of each reading the credential.
 * Activation (registration with the vendor) always reads the credential itself.
 */
export const SECRET_CACHE_MS = 10_000;
export const SECRET_CACHE_MAX = 1_000;

const entries = new Map<string, { secret: string; until: number }>();
/** The reads under way, by key: at most one per key. */
const reading = new Map<string, Promise<string>>();

/** The entry's key for a delivery to this node with this credential, or undefined when none can be made. */
export function secretCacheKey(
	ctx: IWebhookFunctions,
	credentialType: string,
	purpose: string,
): string | undefined {
	const node = ctx.getNode();
	const credentialId = node.credentials?.[credentialType]?.id;
	const workflowId = ctx.getWorkflow().id;
	if (!credentialId || !workflowId || !node.id) return undefined;
	return JSON.stringify([
		workflowId,
		node.id,
		node.webhookId ?? '',
		credentialType,
		credentialId,
		purpose,
	]);
}

/** The secret read for this key less than SECRET_CACHE_MS ago, if any. */
export function cachedSecret(key: string, now = Date.now()): string | undefined {
	const entry = entries.get(key);
	if (!entry) return undefined;
	if (entry.until > now) return entry.secret;
	entries.delete(key);
	return undefined;
}

/** Keeps a secret just read for SECRET_CACHE_MS; the oldest entry goes when SECRET_CACHE_MAX are kept. */
export function keepSecret(key: string, secret: string, now = Date.now()): void {
	entries.delete(key);
	while (entries.size >= SECRET_CACHE_MAX) {
		const oldest = entries.keys().next().value;
		if (oldest === undefined) break;
		entries.delete(oldest);
	}
	entries.set(key, { secret, until: now + SECRET_CACHE_MS });
}

/**
 * The secret for this key, read by `read` unless a read for the key is already under way, in which case its result
 * (or its failure) is shared. A secret read is kept (keepSecret); a failure is not, so the next delivery reads again.
 */
export async function readSecretOnce(key: string, read: () => Promise<string>): Promise<string> {
	const running = reading.get(key);
	if (running) return await running;
	const started = read()
		.then((secret) => {
			keepSecret(key, secret);
			return secret;
		})
		.finally(() => reading.delete(key));
	reading.set(key, started);
	return await started;
}

/** How many entries are kept (for tests). */
export function secretCacheSize(): number {
	return entries.size;
}

/** Forgets every entry (for tests). */
export function clearSecretCache(): void {
	entries.clear();
	reading.clear();
}
