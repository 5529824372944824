/**
 * Validation cost, bundled by bench/run.js: each vendor's parsing of a delivery body against plain JSON.parse of
 * the same body. Everything runs in this process, side by side, several rounds alternating.
 */
import { gengoSampleJob } from '../test/fixtures/samples/gengo';
import { phraseJobWebhook, phraseSampleJobPart } from '../test/fixtures/samples/phrase';
import { readGengoCallback } from '../nodes/Gengo/delivery';
import { phraseDeliverySchema } from '../nodes/Phrase/schemas';
import { smartcatDeliverySchema } from '../nodes/Smartcat/schemas';
import { parseDelivery } from '../nodes/common/delivery/validation';

export interface Case {
	name: string;
	bytes: number;
	baseline: () => unknown;
	ours: () => unknown;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export function cases(): Case[] {
	const smallJob = JSON.stringify(gengoSampleJob('approved'));
	const bigJob = JSON.stringify(
		gengoSampleJob('approved', { bodySrc: 'Translate your product pages in days. '.repeat(1580) }),
	);
	const smartcat = JSON.stringify(Array.from({ length: 50 }, (_, i) => `${1000 + i}_25`));
	const phrase = JSON.stringify(
		phraseJobWebhook(
			'JOB_STATUS_CHANGED',
			Array.from({ length: 10 }, (_, i) => phraseSampleJobPart({ jobUid: `job-${i}` })),
		),
	);
	return [
		{
			name: 'Gengo job (form, ~1 KB)',
			bytes: smallJob.length,
			baseline: () => JSON.parse(smallJob),
			ours: () => readGengoCallback(FORM, { job: smallJob }),
		},
		{
			name: 'Gengo job (form, 60 KB)',
			bytes: bigJob.length,
			baseline: () => JSON.parse(bigJob),
			ours: () => readGengoCallback(FORM, { job: bigJob }),
		},
		{
			name: 'Smartcat ids (50)',
			bytes: smartcat.length,
			baseline: () => JSON.parse(smartcat),
			ours: () => parseDelivery(smartcatDeliverySchema, JSON.parse(smartcat)),
		},
		{
			name: 'Phrase job parts (10)',
			bytes: phrase.length,
			baseline: () => JSON.parse(phrase),
			ours: () => parseDelivery(phraseDeliverySchema, JSON.parse(phrase)),
		},
	];
}
