import type { IPollFunctions } from 'n8n-workflow';

import {
	CATCH_UP_LIMITS,
	startFromMs,
	type CatchUpSource,
	type Observation,
} from '../common/catchUp/engine';
import { optionalDate } from '../common/delivery/dates';
import { ALL_EVENTS, selectedEvents } from '../common/delivery/events';
import { getLastErrors, listProjects, SMARTCAT_PAGE_LIMIT } from './api';
import { SMARTCAT_EVENTS, type SmartcatEvent } from './events';
import { selectedStatuses } from './properties';
import { buildSmartcatItem, lastErrorItem, normalizedDate } from './output';
import { readProjectFilters } from './projectFilters';
import type { SmartcatEntity } from './schemas';
import { SmartcatOutOfTime } from './transport';

const [PROJECT_STATUS, DOCUMENT_STATUS, IMPORT_COMPLETED] = SMARTCAT_EVENTS;

/** What about a project or document can change: its status and when Smartcat recorded it (the eventKey's parts). */
const signatureOf = (entity: SmartcatEntity) =>
	`${entity.status ?? ''}|${normalizedDate(entity.statusModificationDate) ?? ''}`;

function changedAt(entity: SmartcatEntity): Date | null {
	return optionalDate(entity.statusModificationDate, 'statusModificationDate', ['iso']);
}

/**
 * Of two listings of one project or document, the one to observe. `GET /project/list` pages by offset in no
 * documented order (https://smartcat.com/api/methods/v1/swagger.json), so one project can come twice, on two
 * pages read at two moments, with two statuses: the later status change wins, and at the same time the greater
 * signature. Whatever the order they came in, the same listing gives the same observation, so it is no change
 * on the next poll.
 */
function preferred(kept: SmartcatEntity, other: SmartcatEntity): SmartcatEntity {
	const time = (entity: SmartcatEntity) => changedAt(entity)?.getTime() ?? -Infinity;
	if (time(kept) !== time(other)) return time(other) > time(kept) ? other : kept;
	return signatureOf(other) > signatureOf(kept) ? other : kept;
}

/**
 * What the Smartcat Catch-Up Trigger sees in one poll. Smartcat's API has no "changed since" query
 * (https://smartcat.com/api/methods/v1/swagger.json: `GET /project/list` filters by name, tag, client and
 * user, pages by offset, at most 100 a page, in no documented order), so each poll reads the whole list with
 * the documents (within the poll's budget: 100 pages, 10,000 projects) and every project and document whose
 * status changed recently becomes an observation whose signature is its status and `statusModificationDate`;
 * common/catchUp/engine.ts emits those that changed. "Recently": within the time the catch-up remembers a key
 * (CATCH_UP_LIMITS.maxAgeMs, 30 days) or since Start From, so that an account's old projects, unchanged for
 * years, take no room in the bounded state (a key pushed out of it would come back as new on the next poll).
 * A document without a status change time has never changed status: nothing to report. A translation import has no status of its own: its callbacks are recovered from Smartcat's record of
 * failed deliveries (`GET /callback/lastErrors`), which names the event (the URL) and the ids.
 */
export const smartcatCatchUpSource: CatchUpSource = async (ctx: IPollFunctions, budget) => {
	const receivedAt = new Date();
	const selected = selectedEvents(ctx);
	const wants = (event: SmartcatEvent) =>
		selected.includes(ALL_EVENTS) || selected.includes(event.event);
	const statuses = selectedStatuses(ctx);
	const kept = (entity: SmartcatEntity | undefined) =>
		!statuses.length || !entity || statuses.includes((entity.status ?? '').toLowerCase());
	const item = (
		event: SmartcatEvent,
		id: string,
		entity: SmartcatEntity | undefined,
		why?: string,
	) => (kept(entity) ? [buildSmartcatItem(event, id, receivedAt, entity, why)] : []);
	const filters = {
		...readProjectFilters(ctx.getNodeParameter('filters', {})),
		includeDocuments: true,
	};
	const deadline = Date.now() + budget.remainingMs();
	const startFrom = startFromMs(ctx) ?? Number.NaN;
	const cutoff = Math.min(
		receivedAt.getTime() - CATCH_UP_LIMITS.maxAgeMs,
		Number.isNaN(startFrom) ? Infinity : startFrom,
	);
	const recent = (entity: SmartcatEntity) => (changedAt(entity)?.getTime() ?? -Infinity) >= cutoff;

	const observations: Observation[] = [];
	// by observation key, in the order of first appearance: each project and document once (preferred)
	const listed = new Map<string, { event: SmartcatEvent; id: string; entity: SmartcatEntity }>();
	const documents = new Map<string, SmartcatEntity>();
	const list = (event: SmartcatEvent, key: string, id: string, entity: SmartcatEntity) => {
		const before = listed.get(key);
		listed.set(key, { event, id, entity: before ? preferred(before.entity, entity) : entity });
	};
	let complete = true;
	for (let offset = 0; ; ) {
		if (!budget.take()) {
			complete = false;
			break;
		}
		const page = await listProjects(ctx, filters, offset, SMARTCAT_PAGE_LIMIT, {
			deadline,
		}).catch(async (error: unknown) =>
			error instanceof SmartcatOutOfTime ? undefined : await Promise.reject(error),
		);
		if (!page) {
			complete = false;
			break;
		}
		for (const project of page) {
			if (!project.id) continue;
			list(PROJECT_STATUS, `project:${project.id}`, project.id, project as SmartcatEntity);
			for (const document of project.documents ?? []) {
				if (!document.id) continue;
				const before = documents.get(document.id);
				documents.set(document.id, before ? preferred(before, document) : document);
				list(DOCUMENT_STATUS, `document:${document.id}`, document.id, document);
			}
		}
		offset += page.length;
		if (page.length < SMARTCAT_PAGE_LIMIT) break;
	}
	for (const [key, { event, id, entity }] of listed)
		if (wants(event) && recent(entity))
			observations.push({
				key,
				signature: signatureOf(entity),
				changedAt: changedAt(entity),
				items: () => item(event, id, entity),
			});

	if (wants(IMPORT_COMPLETED) && budget.take()) {
		const failures = (await getLastErrors(ctx, SMARTCAT_PAGE_LIMIT)).map(lastErrorItem);
		const seen = new Set<string>();
		for (const failure of failures) {
			if (failure.event !== IMPORT_COMPLETED.event) continue;
			for (const id of (failure.sourceIds as string[] | null) ?? []) {
				if (seen.has(id)) continue;
				seen.add(id);
				const document = documents.get(id);
				observations.push({
					key: `import:${id}`,
					// the eventKey's parts: an import repeated while the document did not change is the same event
					signature: document ? signatureOf(document) : 'not listed',
					changedAt: optionalDate(failure.created, 'created', ['iso']),
					items: () =>
						item(
							IMPORT_COMPLETED,
							id,
							document,
							document
								? undefined
								: 'the document is not in the project list this poll read (filters, or the budget)',
						),
				});
			}
		}
	}
	return { observations, complete };
};
