import {
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { type ApiContext } from '../common/http/httpClient';
import { listSearchResult, locatorParameter } from '../common/actions/resourceLocator';
import { gengoGet } from './transport';

/**
 * What Gengo translates: `GET /translate/service/languages` (`[{lc, language, localized_name, unit_type}]`) and
 * `GET /translate/service/language_pairs` (`[{lc_src, lc_tgt, tier, unit_price, currency}]`, optionally filtered
 * by `lc_src`), https://developers.gengo.com/v2/api_methods/service/. The pick lists of the Gengo node read them,
 * and ordering checks a job's pair and tier against them before anything is sent: Gengo's own refusal of an
 * unknown pair names no field.
 */

export interface GengoLanguage {
	lc: string;
	language: string;
	unitType: string;
}

export interface GengoLanguagePair {
	lcSrc: string;
	lcTgt: string;
	tier: string;
	unitPrice: string;
	currency: string;
}

const text = (value: unknown): string =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** A language code as Gengo spells them (`en`, `zh-tw`, `es-la`): compared case-insensitively. */
const codeKey = (code: string) => code.trim().toLowerCase();

/** Answers are read once per execution (or list search): one pair check per item must not cost a call per item. */
const cache = new WeakMap<object, Map<string, Promise<unknown>>>();

function once<T>(ctx: ApiContext, key: string, load: () => Promise<T>): Promise<T> {
	let byKey = cache.get(ctx);
	if (!byKey) cache.set(ctx, (byKey = new Map()));
	let found = byKey.get(key) as Promise<T> | undefined;
	if (!found) {
		found = load();
		byKey.set(key, found);
		// a failed call is not remembered: the next item asks again
		found.catch(() => byKey.delete(key));
	}
	return found;
}

/** `GET /translate/service/languages`, entries without a code dropped. */
export async function gengoLanguages(ctx: ApiContext): Promise<GengoLanguage[]> {
	return await once(ctx, 'languages', async () => {
		const answer = await gengoGet(ctx, '/translate/service/languages');
		return (Array.isArray(answer) ? answer : []).flatMap((entry: unknown) => {
			const { lc, language, localized_name, unit_type } = (entry ?? {}) as Record<string, unknown>;
			const code = text(lc);
			if (!code) return [];
			return [
				{
					lc: code,
					language: text(language) || text(localized_name) || code,
					unitType: text(unit_type),
				},
			];
		});
	});
}

/** `GET /translate/service/language_pairs` (for one source language when `lcSrc` is given). */
export async function gengoLanguagePairs(
	ctx: ApiContext,
	lcSrc = '',
): Promise<GengoLanguagePair[]> {
	const source = codeKey(lcSrc);
	return await once(ctx, `pairs:${source}`, async () => {
		const answer = await gengoGet(
			ctx,
			'/translate/service/language_pairs',
			source ? { lc_src: source } : {},
		);
		return (Array.isArray(answer) ? answer : []).flatMap((entry: unknown) => {
			const pair = (entry ?? {}) as Record<string, unknown>;
			const [src, tgt, tier] = [text(pair.lc_src), text(pair.lc_tgt), text(pair.tier)];
			if (!src || !tgt || !tier) return [];
			// the filter is Gengo's; an answer is untrusted, so a pair of another source does not count
			if (source && codeKey(src) !== source) return [];
			return [
				{
					lcSrc: src,
					lcTgt: tgt,
					tier,
					unitPrice: text(pair.unit_price),
					currency: text(pair.currency),
				},
			];
		});
	});
}

/** What Gengo calls a tier in its order form: `pro` is "Business". */
export function tierName(tier: string): string {
	const known: Record<string, string> = {
		standard: 'Standard',
		pro: 'Business (pro)',
		ultra: 'Ultra',
		machine: 'Machine',
	};
	return known[tier] ?? tier;
}

/** A job's language pair and tier, in Gengo's spelling, once Gengo offers them. */
export interface OfferedPair {
	lcSrc: string;
	lcTgt: string;
	tier: string;
	unitPrice: string;
	currency: string;
}

const sample = (values: string[]) => {
	const unique = [...new Set(values)].sort();
	return `${unique.slice(0, 30).join(', ')}${unique.length > 30 ? ', …' : ''}`;
};

/**
 * The pair and tier of a job, checked against Gengo's language pairs: a code or tier Gengo does not offer is
 * refused here, naming the field and what Gengo offers, before anything is uploaded or ordered.
 */
export async function offeredPair(
	ctx: IExecuteFunctions,
	itemIndex: number,
	wanted: { source: string; target: string; tier: string },
): Promise<OfferedPair> {
	const fail = (message: string, description: string): never => {
		throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
	};
	if (!wanted.source)
		fail(
			'Source Language is empty',
			'Choose the language of the content from the list, or give its Gengo code (e.g. en).',
		);
	if (!wanted.target)
		fail(
			'Target Language is empty',
			'Choose the language to translate into from the list, or give its Gengo code (e.g. ja).',
		);
	if (!wanted.tier)
		fail('Tier is empty', 'Choose a tier from the list, or give its code (standard or pro).');
	const pairs = await gengoLanguagePairs(ctx, wanted.source);
	if (!pairs.length) {
		const all = await gengoLanguagePairs(ctx);
		fail(
			`Source Language "${wanted.source.slice(0, 20)}" is not a language Gengo translates from`,
			`Gengo translates from: ${sample(all.map((p) => p.lcSrc))}. Pick it from the list to be sure.`,
		);
	}
	const toTarget = pairs.filter((p) => codeKey(p.lcTgt) === codeKey(wanted.target));
	if (!toTarget.length)
		fail(
			`Target Language "${wanted.target.slice(0, 20)}" is not offered from "${pairs[0].lcSrc}" by Gengo`,
			`From ${pairs[0].lcSrc} Gengo translates into: ${sample(pairs.map((p) => p.lcTgt))}.`,
		);
	const found = toTarget.find((p) => codeKey(p.tier) === codeKey(wanted.tier));
	if (!found)
		return fail(
			`Tier "${wanted.tier.slice(0, 20)}" is not offered for ${toTarget[0].lcSrc} → ${toTarget[0].lcTgt} by Gengo`,
			`For this language pair Gengo offers: ${sample(toTarget.map((p) => p.tier))}.`,
		);
	return { ...found };
}

/** The pick lists of the Gengo node (`methods.listSearch`), each read with the same account's credential. */
export const gengoListSearch = {
	/** Source languages: the languages Gengo has a pair from. */
	async searchSourceLanguages(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const [languages, pairs] = await Promise.all([gengoLanguages(this), gengoLanguagePairs(this)]);
		return listSearchResult(
			languageEntries(
				languages,
				pairs.map((p) => p.lcSrc),
			),
			filter,
		);
	},

	/** Target languages: those Gengo offers from the chosen source language (all targets when none is chosen). */
	async searchTargetLanguages(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const source = locatorParameter(this, 'sourceLanguage');
		const [languages, pairs] = await Promise.all([
			gengoLanguages(this),
			gengoLanguagePairs(this, source),
		]);
		return listSearchResult(
			languageEntries(
				languages,
				pairs.map((p) => p.lcTgt),
			),
			filter,
		);
	},

	/** Tiers Gengo offers for the chosen pair, with their price per word or character. */
	async searchTiers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const source = locatorParameter(this, 'sourceLanguage');
		const target = codeKey(locatorParameter(this, 'targetLanguage'));
		const [languages, pairs] = await Promise.all([
			gengoLanguages(this),
			gengoLanguagePairs(this, source),
		]);
		const unit = languages.find((l) => codeKey(l.lc) === codeKey(source))?.unitType || 'unit';
		const tiers = new Map<string, INodeListSearchItems>();
		for (const pair of pairs) {
			if (target && codeKey(pair.lcTgt) !== target) continue;
			if (tiers.has(pair.tier)) continue;
			const price =
				source && target && pair.unitPrice
					? `: ${pair.unitPrice} ${pair.currency || 'credits'} per ${unit}`
					: '';
			tiers.set(pair.tier, { name: `${tierName(pair.tier)}${price}`, value: pair.tier });
		}
		return listSearchResult([...tiers.values()], filter);
	},
};

/** One entry per language code of `codes` (as the pairs spell them), named from Gengo's language list. */
function languageEntries(languages: GengoLanguage[], codes: string[]): INodeListSearchItems[] {
	const names = new Map(languages.map((l) => [codeKey(l.lc), l.language]));
	const unique = new Map(codes.map((code) => [codeKey(code), code]));
	return [...unique.values()]
		.map((code) => ({ name: `${names.get(codeKey(code)) ?? code} (${code})`, value: code }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
