import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { listLanguages, type PhraseLanguage } from './api';

/**
 * Language codes as Phrase TMS takes them (developers.phrase.com/en/api/tms/latest/supported-languages/
 * list-supported-languages): `de`, `pt_br`, `zh_cn`; the BCP 47 form Phrase lists beside each (`pt-BR`) and any
 * case are accepted and written as Phrase's code. A code Phrase does not have is an error naming the parameter
 * before anything is sent.
 */

const normalized = (code: string) => code.trim().toLowerCase().replace(/-/g, '_');

/** Phrase's code for `value` among `languages` (by code or BCP 47 form, any case), or undefined. */
export function phraseCode(value: string, languages: PhraseLanguage[]): string | undefined {
	const wanted = normalized(value);
	return languages.find((l) => normalized(l.code) === wanted || normalized(l.rfc ?? '') === wanted)
		?.code;
}

/**
 * Phrase's codes for `values` of the parameter `field`, checked against Phrase's language list and, when given,
 * against `allowed` (e.g. a project's target languages: "only languages that are present in the project are
 * supported", Phrase's "Create job").
 */
export async function checkedLanguages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: string[],
	field: string,
	allowed?: { codes: string[]; what: string },
): Promise<string[]> {
	const languages = await listLanguages(ctx);
	const codes: string[] = [];
	for (const value of values) {
		const code = phraseCode(value, languages);
		if (!code)
			throw new NodeOperationError(
				ctx.getNode(),
				`${field}: Phrase TMS has no language "${value.slice(0, 40)}"`,
				{
					itemIndex,
					description: `Use Phrase's language codes (e.g. de, fr, pt_br, zh_cn), or choose from the list.${suggestions(value, languages)}`,
				},
			);
		if (allowed && !allowed.codes.includes(code))
			throw new NodeOperationError(
				ctx.getNode(),
				`${field}: "${code}" is not one of ${allowed.what}`,
				{
					itemIndex,
					description: `Phrase accepts only these here: ${allowed.codes.join(', ') || '(none)'}.`,
				},
			);
		if (!codes.includes(code)) codes.push(code);
	}
	return codes;
}

/** " Did you mean: ..." with up to five of Phrase's codes that start like the value, or ''. */
function suggestions(value: string, languages: PhraseLanguage[]): string {
	const start = normalized(value).slice(0, 2);
	if (start.length < 2) return '';
	const close = languages.filter((l) => normalized(l.code).startsWith(start)).slice(0, 5);
	return close.length
		? ` Did you mean: ${close.map((l) => `${l.code} (${l.name})`).join(', ')}?`
		: '';
}
