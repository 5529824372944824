import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { getProjectInformation } from './api';
import type { BeeboxProjectInformation } from './schemas';
import { BeeboxApiError, type BeeboxCall } from './transport';

/**
 * The project's languages (help.wordbee.com/beebox/api-get-project-information), read once per execution of the
 * node: what a sent file's languages are checked against before anything is sent.
 */
const byExecution = new WeakMap<IExecuteFunctions, Promise<BeeboxProjectInformation>>();

export async function projectLanguages(
	ctx: IExecuteFunctions,
	http: BeeboxCall,
	token: string,
): Promise<BeeboxProjectInformation> {
	let project = byExecution.get(ctx);
	if (!project) {
		project = getProjectInformation(http, token);
		byExecution.set(ctx, project);
		// a failure is not kept: the next item asks again (after a new login, say)
		project.catch(() => byExecution.delete(ctx));
	}
	return await project;
}

/** The project's source language: the `locale` Beebox wants for a file put into its `in` folder. */
export function sourceLocaleOf(project: BeeboxProjectInformation): string {
	if (!project.sourceLocale)
		throw new BeeboxApiError('Beebox named no source language for the project', 502, {
			hint: "The credential's project key must name a Beebox project (connector credentials, or admin credentials with a project key).",
		});
	return project.sourceLocale;
}

/**
 * `wanted` as the project's target languages spell them (compared without regard to case); a locale the project
 * does not translate into fails the item naming the parameter and the project's languages.
 */
export function checkedTargetLocales(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	wanted: string[],
	project: BeeboxProjectInformation,
): string[] {
	const targets = project.targetLocales ?? [];
	return wanted.map((locale) => {
		const found = targets.find((target) => target.toLowerCase() === locale.toLowerCase());
		if (found) return found;
		throw new NodeOperationError(
			ctx.getNode(),
			`${parameter}: "${locale.slice(0, 40)}" is not a target language of this Beebox project`,
			{
				itemIndex,
				description: targets.length
					? `The project translates ${project.sourceLocale ?? 'its source language'} into: ${targets.join(', ')}. Add the language to the project in Beebox first, or choose one of these.`
					: 'Beebox lists no target language for this project: add one in the project settings in Beebox.',
			},
		);
	});
}
