import { createHash } from 'crypto';

import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

import { believableTime, userDateParameter } from '../delivery/dates';
import { isEventWanted, selectedEvents } from '../delivery/events';
import { toNodeApiError, VendorApiError } from '../http/vendorError';
import { WorkBudget } from '../delivery/workBudget';

/**
 * The catch-up triggers (`<vendor>CatchUpTrigger`): n8n polling triggers that ask the vendor's API what changed
 * and emit, for each event a webhook could have missed, the item the webhook trigger would have emitted, with the
 * same `eventKey`. Put both triggers in one workflow followed by n8n's Remove Duplicates node (on `eventKey`,
 * across executions) and every event passes once, whichever trigger saw it first.
 *
 * Each vendor's source lists what its API shows now as observations: a key (what the observation is about), a
 * signature (what about it can change: a status, a modification date) and the items to emit when it is new or
 * its signature changed. This module keeps the last signature per key in the node's static data, bounded, and
 * does the rest the same way for every vendor:
 * - the first poll after activation records what is there and emits nothing ("from now"), unless the user set a
 *   start time, in which case observations changed after it are emitted;
 * - a poll that fails (the vendor down, rate limited) changes nothing, so the next poll covers the gap, and
 *   later polls back off (1, 2, 4... up to 60 minutes) while the vendor keeps failing;
 * - a poll that succeeds ends a series of failures: the next failure backs off 1 minute again;
 * - each poll makes at most CATCH_UP_LIMITS.calls API calls (a source that could not list everything says so,
 *   `complete: false`); the static data holds at most CATCH_UP_LIMITS.maxEntries keys, none unseen for longer than
 *   maxAgeMs. A key missing from an incomplete listing was not seen, which says nothing about it: it is not aged
 *   out by that poll (only the bound on entries can push it out), so it does not come back as new once listed;
 * - a key longer than MAX_STORED_KEY_BYTES is kept as its hash, so the static data stays bounded in bytes
 *   (MAX_STATE_BYTES) whatever a vendor's ids and paths are;
 * - a change time later than now (plus a few minutes of clock skew) is no change time: it neither keeps an
 *   observation at the top of the order forever nor counts as after Start From;
 * - "Fetch Test Event" in the editor emits the items of the most recent change that has one of the chosen events
 *   (among the TEST_EVENT_CANDIDATES most recent) and changes nothing.
 * n8n saves static data when a poll emits items and when the workflow is activated (after the first poll), so
 * what is recorded survives restarts.
 */

export const CATCH_UP_LIMITS = {
	/** API calls per poll (pages, lookups) */
	calls: 100,
	/** time per poll */
	ms: 120_000,
	/** keys remembered (the longest unseen go first beyond this): MAX_STATE_BYTES of static data at most */
	maxEntries: 3_000,
	/** a key not seen for this long is forgotten (a finished job, a deleted project) */
	maxAgeMs: 30 * 24 * 60 * 60 * 1000,
} as const;

/**
 * The longest key kept as it is, in bytes of its JSON (quotes and escapes included); a longer one (a Beebox file
 * path, an id a vendor made long) is kept as `#` and 22 characters of its SHA-256.
 */
export const MAX_STORED_KEY_BYTES = 48;

/**
 * The most a catch-up trigger's static data takes, in bytes of JSON: maxEntries entries of at most
 * `"<key>":["<10-character hash>",<13-digit time>],`, plus the start time and back-off fields. Measured in
 * test/common/catchUp/engine.test.ts with keys of every length.
 */
export const MAX_STATE_BYTES =
	CATCH_UP_LIMITS.maxEntries * (MAX_STORED_KEY_BYTES + ':["0123456789",1234567890123],'.length) +
	200;

/** How many of the most recent changes "Fetch Test Event" looks through for one of the chosen events. */
export const TEST_EVENT_CANDIDATES = 50;

export interface Observation {
	/** what this is about, stable across polls (a job id, a project id, a webhook call id) */
	key: string;
	/** what can change about it; a different signature is an event */
	signature: string;
	/** when the vendor says it last changed, when it says so (for a start time set by the user) */
	changedAt?: Date | null;
	/** the items to emit for this change, in the webhook trigger's shape and with its eventKey */
	items(): Promise<IDataObject[]> | IDataObject[];
}

export interface Listing {
	observations: Observation[];
	/** false when the budget ran out before the vendor's whole list was read */
	complete: boolean;
}

export type CatchUpSource = (ctx: IPollFunctions, budget: WorkBudget) => Promise<Listing>;

interface CatchUpState extends IDataObject {
	/** when this trigger started watching (ms) */
	since: number;
	/** key → [signature hash, last seen (ms)] */
	seen: Record<string, [string, number]>;
	failures?: number;
	backoffUntil?: number;
}

const STATE_KEY = 'catchUp';

/** The node parameters every catch-up trigger has (n8n adds "Poll Times" itself). */
export const catchUpProperties: INodeProperties[] = [
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'dateTime',
		default: '',
		description:
			'Emit what changed after this time on the first poll (UTC unless the time gives its zone, e.g. 2026-01-31T09:00:00+01:00). Empty: start from the first poll, emitting only what changes after it.',
	},
];

/** A signature in 10 characters: only equality matters, and static data is saved with the workflow. */
function signatureHash(signature: string): string {
	return createHash('sha256').update(signature).digest('base64url').slice(0, 10);
}

/** The key as the static data keeps it: as it is when short, else its hash (see MAX_STORED_KEY_BYTES). */
export function storedKey(key: string): string {
	return Buffer.byteLength(JSON.stringify(key)) <= MAX_STORED_KEY_BYTES
		? key
		: `#${createHash('sha256').update(key).digest('base64url').slice(0, 22)}`;
}

/**
 * The trigger's Start From as milliseconds, undefined when empty: UTC unless the text gives its zone, never the
 * n8n process's zone (common/delivery/dates.ts). A value that is no date fails the poll with what to type instead.
 */
export function startFromMs(ctx: IPollFunctions): number | undefined {
	return userDateParameter(ctx, ctx.getNodeParameter('startFrom', ''), 'Start From');
}

function readState(ctx: IPollFunctions): CatchUpState | undefined {
	const state = ctx.getWorkflowStaticData('node')[STATE_KEY] as CatchUpState | undefined;
	return state && typeof state.since === 'number' && state.seen ? state : undefined;
}

/**
 * A listing longer than the state can hold, cut to its most recent observations (by changedAt, else the
 * listing's own order, newest first as the vendors list): the rest are past the bound, neither recorded nor
 * emitted. Recording them would only make prune drop some, which would then come back as new on every poll.
 * A changedAt later than now counts as the oldest, so that it does not hold a place forever.
 */
export function mostRecent(
	observations: Observation[],
	max: number,
	now = Date.now(),
): Observation[] {
	if (observations.length <= max) return observations;
	const dated = observations.every((o) => o.changedAt);
	const time = new Map(observations.map((o) => [o, believableTime(o.changedAt, now) ?? -1]));
	const ordered = dated
		? [...observations].sort((a, b) => time.get(b)! - time.get(a)!)
		: observations;
	return ordered.slice(0, max);
}

/**
 * Drops keys not seen for maxAgeMs, then the longest-unseen beyond maxEntries. `complete: false` (the listing
 * was cut short): nothing is dropped for its age, since a key not seen may just not have been read.
 */
export function prune(
	seen: CatchUpState['seen'],
	now: number,
	complete = true,
): CatchUpState['seen'] {
	const kept = Object.entries(seen).filter(
		([, [, at]]) => !complete || now - at <= CATCH_UP_LIMITS.maxAgeMs,
	);
	kept.sort((a, b) => b[1][1] - a[1][1]);
	return Object.fromEntries(kept.slice(0, CATCH_UP_LIMITS.maxEntries));
}

function wanted(ctx: IPollFunctions, items: IDataObject[]): IDataObject[] {
	const selected = selectedEvents(ctx);
	return items.filter((item) => isEventWanted(String(item.event ?? ''), selected));
}

/** A catch-up trigger's poll(): see the module comment. */
export async function pollCatchUp(
	ctx: IPollFunctions,
	source: CatchUpSource,
): Promise<INodeExecutionData[][] | null> {
	const now = Date.now();
	const staticData = ctx.getWorkflowStaticData('node');
	const state = readState(ctx);

	if (ctx.getMode() === 'manual') {
		// the most recent change of a kind the node emits (Events), not the most recent change filtered afterwards:
		// with "Job Completed" chosen, a newer "job assigned" must not hide the completed job behind "no data"
		const listing = await source(ctx, new WorkBudget(CATCH_UP_LIMITS));
		const newestFirst = [...listing.observations].sort(
			(a, b) => (believableTime(b.changedAt, now) ?? 0) - (believableTime(a.changedAt, now) ?? 0),
		);
		for (const observation of newestFirst.slice(0, TEST_EVENT_CANDIDATES)) {
			const items = wanted(ctx, await observation.items());
			if (items.length) return [ctx.helpers.returnJsonArray(items)];
		}
		return null;
	}

	if (state?.backoffUntil && now < state.backoffUntil) return null;

	const firstPoll = !state;
	// read before the vendor is asked: a Start From that is no date fails the poll, it is not ignored
	const threshold = firstPoll ? (startFromMs(ctx) ?? Number.NaN) : Number.NaN;
	let listing: Listing;
	try {
		listing = await source(ctx, new WorkBudget(CATCH_UP_LIMITS));
	} catch (error) {
		if (state && error instanceof VendorApiError && error.isUnavailable) {
			state.failures = (state.failures ?? 0) + 1;
			state.backoffUntil = now + Math.min(60, 2 ** (state.failures - 1)) * 60_000;
		}
		throw toNodeApiError(ctx, error);
	}

	// a new state: no failures (a later failure starts its back-off from 1 minute again)
	const next: CatchUpState = {
		since: state?.since ?? now,
		seen: { ...(state?.seen ?? {}) },
	};
	const emitted: IDataObject[] = [];
	for (const observation of mostRecent(listing.observations, CATCH_UP_LIMITS.maxEntries, now)) {
		const key = storedKey(observation.key);
		// a state written before long keys were hashed has the key as it was
		const previous = next.seen[key] ?? next.seen[observation.key];
		if (key !== observation.key) delete next.seen[observation.key];
		const signature = signatureHash(observation.signature);
		next.seen[key] = [signature, now];
		if (previous?.[0] === signature) continue;
		if (firstPoll) {
			const changed = believableTime(observation.changedAt, now);
			if (Number.isNaN(threshold) || changed === undefined || changed <= threshold) continue;
		}
		emitted.push(...wanted(ctx, await observation.items()));
	}
	next.seen = prune(next.seen, now, listing.complete);
	staticData[STATE_KEY] = next;
	return emitted.length ? [ctx.helpers.returnJsonArray(emitted)] : null;
}
