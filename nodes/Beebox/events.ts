export { ALL_EVENTS, isEventWanted } from '../common/delivery/events';

/**
 * Every Beebox event code, grouped as Wordbee's "Callbacks - Parameters" page groups them (help.wordbee.com/beebox/callbacks-parameters; the page's
 * table breaks some codes across lines, these are the real ones). Beebox adds codes over time:
 * an unknown code is passed through when the node listens to all events.
 */
export const BEEBOX_EVENT_GROUPS = [
	{
		group: 'File',
		events: [
			['SourceFileChange', 'New source files added or updated in the project'],
			[
				'SourceFileParse',
				'Source files processed (text extracted, pre-translated); bberror is set for a file that failed',
			],
			[
				'CreatedTranslatedFiles',
				'New translated files created and saved to disk (the only connector callback event)',
			],
			['CreatedPreliminaryFiles', 'Preliminary machine-translated target files created'],
		],
	},
	{
		group: 'Job',
		events: [
			['PackageCreated', 'New job created and committed'],
			['PackageInProgress', 'XLIFF jobs only: job in progress'],
			['PackageCompleted', 'XLIFF jobs only: job completed'],
			['PackageXliffExport', 'XLIFF jobs only: job XLIFF saved to the exchange output directory'],
			[
				'PackageXliffImport',
				'XLIFF jobs only: job updated from a new XLIFF in the exchange input directory',
			],
			[
				'PackageTmsSubmitRequest',
				'Online jobs only: job submitted to the TMS for cost or word count',
			],
			[
				'PackageTmsCommitRequest',
				'Online jobs only: previous request committed to the TMS, work starts',
			],
			[
				'PackageTmsCheckResultsDone',
				'Online jobs only: TMS asked whether job results can be downloaded',
			],
			['PackageTmsDownloadResults', 'Online jobs only: results downloaded from the TMS'],
			['PackageTmsCancelRequest', 'Online jobs only: job cancelled'],
			['PackageContentsApproved', 'Translations in a job approved'],
			['PackageContentApplyChanges', 'Changes applied to job contents (flags, translation, ...)'],
			['PackagePseudoTranslated', 'Job content fully or partially machine or pseudo translated'],
			['PackageContentsApplied', 'Job committed: translations applied to the project memory'],
			['PackageCancelled', 'Job cancelled'],
			['PackageClosed', 'Job closed'],
			['PackageDeleted', 'Job deleted'],
			['PackageReopened', 'Job reopened'],
		],
	},
	{
		group: 'TMS Link',
		events: [
			['TmsSendLinkRequest', 'Link to a TMS created, pending approval by the TMS owner'],
			['TmsSendMessage', 'Message sent to the TMS owner'],
			['TmsDeleteLink', 'TMS link deleted'],
		],
	},
	{
		group: 'Project',
		events: [
			['ProjectUpdate', 'Project details updated'],
			['ProjectDeleted', 'Project deleted'],
			['ProjectCreated', 'Project created'],
			['ContentApplyChanges', 'Changes applied to the project memory contents'],
			['PseudoTranslated', 'Project memory fully or partially machine or pseudo translated'],
			['ProjectMemoryDeleteAll', 'All contents deleted from the project memory'],
			['ProjectMemoryDeleteFile', 'Content of one file deleted from the project memory'],
		],
	},
	{
		group: 'Administration',
		events: [
			['AccountUpdated', 'Beebox account details updated'],
			['ServerReset', 'Admin reset the Beebox (all users logged out, caches cleared)'],
			['AutorunEnabled', 'Autorun operations of a project enabled'],
			['AutorunDisabled', 'Autorun operations of a project disabled'],
			['AutorunFatalError', 'An Autorun operation exited with a fatal error'],
			['AutorunExitFailed', 'The Autorun process ended on a non-fatal error'],
			[
				'AutorunExitEnded',
				'The Autorun process ended successfully (server or service restarted or stopped)',
			],
			['Maintenance', 'A generic maintenance event'],
		],
	},
] as const;

export type BeeboxEventGroup = (typeof BEEBOX_EVENT_GROUPS)[number]['group'];

const GROUP_OF_EVENT = new Map<string, BeeboxEventGroup>(
	BEEBOX_EVENT_GROUPS.flatMap(({ group, events }) =>
		events.map(([code]) => [code, group] as const),
	),
);

/**
 * Spellings Beebox documentation uses for the same event. Wordbee's callbacks page (help.wordbee.com/beebox/callbacks-parameters) names the connector event
 * `CreateTranslatedFiles` once, everywhere else `CreatedTranslatedFiles`.
 */
const ALIASES: Record<string, string> = {
	CreateTranslatedFiles: 'CreatedTranslatedFiles',
};

/** The canonical code of an event as sent in `bbevent`. */
export function canonicalEventCode(code: string): string {
	return ALIASES[code] ?? code;
}

/** The group a canonical event code belongs to, or null for a code this package does not know yet. */
export function eventGroup(code: string): BeeboxEventGroup | null {
	return GROUP_OF_EVENT.get(code) ?? null;
}

/** Splits `SourceFileChange` into `Source File Change` for display names; TMS and XLIFF stay acronyms. */
export function humanize(code: string): string {
	return code
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.replace(/\b(Tms|Xliff)\b/g, (word) => word.toUpperCase());
}

/**
 * An event's option in the trigger's "Trigger On" list: "Project: Update", not "Project: Project Update" (the
 * group's name is not repeated), and the name n8n's nodes panel lists it under (`action`, else n8n makes
 * "On project project update" of the option's name): "On project update".
 */
export function eventOption(
	group: string,
	code: string,
	description: string,
): { name: string; value: string; action: string; description: string } {
	const words = humanize(code);
	const rest = words.startsWith(`${group} `) ? words.slice(group.length + 1) : words;
	const lowered = words.replace(/\b[A-Z][a-z]+\b/g, (word) => word.toLowerCase());
	return {
		name: `${group}: ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`,
		value: code,
		action: `On ${lowered}`,
		description,
	};
}
