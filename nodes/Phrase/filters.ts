import type { IDataObject } from 'n8n-workflow';

import { jobPartsOf, type PhraseDelivery, type PhraseJobPart } from './schemas';
import { statusMatches } from './statuses';

/** The job-part filters of the trigger (all optional; a part must pass every one that is set). */
export interface PhraseJobFilters {
	projectUid?: string;
	projectNameContains?: string;
	targetLang?: string;
	workflowLevel?: number;
	lastWorkflowLevelOnly?: boolean;
	/** for JOB_ASSIGNED: a user name, e-mail, uid or vendor name the assignment must name */
	assignee?: string;
	/** for JOB_STATUS_CHANGED: `api:<API status>` values */
	statuses?: string[];
}

/** The project's name: newer payloads carry it in `metadata`, some in the part's `project`. */
export function projectNameOf(
	part: PhraseJobPart,
	metadata: IDataObject | null | undefined,
): string {
	const fromMetadata = (metadata?.project as IDataObject | undefined)?.name;
	return String(fromMetadata ?? part.project?.name ?? '');
}

/** Everything an assignment names: user names, e-mails, uids, vendor names, lower-cased. */
function assigneeNames(part: PhraseJobPart): string[] {
	const names: string[] = [];
	for (const entry of part.assignedTo ?? []) {
		for (const who of Object.values(entry)) {
			if (!who || typeof who !== 'object') continue;
			for (const key of ['userName', 'email', 'uid', 'id', 'name', 'firstName', 'lastName']) {
				const value = (who as Record<string, unknown>)[key];
				if (typeof value === 'string' || typeof value === 'number')
					names.push(String(value).toLowerCase());
			}
		}
	}
	return names;
}

export function jobPartWanted(
	event: string,
	part: PhraseJobPart,
	metadata: IDataObject | null | undefined,
	filters: PhraseJobFilters,
): boolean {
	if (filters.projectUid && part.project?.uid !== filters.projectUid.trim()) return false;
	if (
		filters.projectNameContains &&
		!projectNameOf(part, metadata)
			.toLowerCase()
			.includes(filters.projectNameContains.trim().toLowerCase())
	) {
		return false;
	}
	if (
		filters.targetLang &&
		(part.targetLang ?? '').toLowerCase() !== filters.targetLang.trim().toLowerCase()
	)
		return false;
	if (filters.workflowLevel && part.workflowLevel !== filters.workflowLevel) return false;
	if (filters.lastWorkflowLevelOnly) {
		const last = part.project?.lastWorkflowLevel;
		if (last === undefined || last === null || part.workflowLevel !== last) return false;
	}
	if (
		event === 'JOB_ASSIGNED' &&
		filters.assignee &&
		!assigneeNames(part).includes(filters.assignee.trim().toLowerCase())
	)
		return false;
	if (
		event === 'JOB_STATUS_CHANGED' &&
		filters.statuses?.length &&
		!statusMatches(part.status ?? '', filters.statuses)
	)
		return false;
	return true;
}

/** The job parts of a delivery that pass the node's filters. */
export function wantedParts(body: PhraseDelivery, filters: PhraseJobFilters): PhraseJobPart[] {
	return jobPartsOf(body).filter((part) =>
		jobPartWanted(body.event, part, body.metadata as IDataObject | null | undefined, filters),
	);
}
