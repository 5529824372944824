import { asRecord, mediaType } from '../common/delivery/request';
import { badRequest } from '../common/delivery/answers';
import { unsafeJson } from '../common/delivery/jsonSafety';
import { parseDelivery } from '../common/delivery/validation';
import { gengoCommentSchema, gengoJobSchema, type GengoComment, type GengoJob } from './schemas';

/**
 * `fileUrl`: a `file_url_tgt` form parameter beside `job` or `comment`. Gengo's callback page
 * (https://developers.gengo.com/v2/callback_urls/) says that for file jobs "the request that is sent to your
 * callback will contain a file_url_tgt parameter"; its Payloads and Job GET pages put `file_url_tgt` inside the
 * job. Both are read: the one inside the payload first.
 */
export type GengoCallback =
	| { kind: 'job'; job: GengoJob; fileUrl?: string }
	| { kind: 'comment'; comment: GengoComment; fileUrl?: string };

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** A parameter's value: the JSON text Gengo posts (form), or an object a re-encoding proxy made of it (JSON). */
function parseParameter(name: string, value: unknown): unknown {
	if (Array.isArray(value)) throw badRequest(`parameter "${name}" is given ${value.length} times`);
	if (typeof value !== 'string') return value;
	let parsed: unknown;
	try {
		parsed = JSON.parse(value) as unknown;
	} catch {
		throw badRequest(`parameter "${name}" is not valid JSON`);
	}
	// the JSON inside a form field gets the checks every parsed body gets (handleDelivery)
	const unsafe = unsafeJson(parsed, `parameter "${name}"`);
	if (unsafe) throw badRequest(unsafe);
	return parsed;
}

/** The `file_url_tgt` parameter beside the payload: a string, or none (absent or empty). */
function outerFileUrl(value: unknown): { fileUrl?: string } {
	if (value === undefined || value === null || value === '') return {};
	if (Array.isArray(value))
		throw badRequest(`parameter "file_url_tgt" is given ${value.length} times`);
	if (typeof value !== 'string') throw badRequest('parameter "file_url_tgt" is not a string');
	return { fileUrl: value };
}

/**
 * Reads a Gengo callback from the request: a form (what Gengo sends) or a JSON body (what some proxies re-encode
 * it to) with exactly one of `job` and `comment`, and for a file job possibly `file_url_tgt` beside it (see
 * GengoCallback). Anything else is refused with a reason.
 */
export function readGengoCallback(headers: Record<string, unknown>, body: unknown): GengoCallback {
	const type = mediaType(headers);
	if (type !== FORM && type !== JSON_TYPE) {
		throw badRequest(
			`content type "${type || 'none'}" is not a Gengo callback: Gengo posts ${FORM}`,
		);
	}
	const fields = asRecord(body);
	const hasJob = fields.job !== undefined;
	const hasComment = fields.comment !== undefined;
	if (hasJob === hasComment) {
		throw badRequest(
			hasJob
				? 'both "job" and "comment" are given: Gengo sends one'
				: 'neither "job" nor "comment" is given: this is not a Gengo callback',
		);
	}
	const fileUrl = outerFileUrl(fields.file_url_tgt);
	if (hasJob) {
		const job = parseParameter('job', fields.job);
		if (!job || typeof job !== 'object' || Array.isArray(job))
			throw badRequest('"job" is not a JSON object');
		return { kind: 'job', job: parseDelivery(gengoJobSchema, job, 'job'), ...fileUrl };
	}
	const comment = parseParameter('comment', fields.comment);
	if (!comment || typeof comment !== 'object' || Array.isArray(comment))
		throw badRequest('"comment" is not a JSON object');
	return {
		kind: 'comment',
		comment: parseDelivery(gengoCommentSchema, comment, 'comment'),
		...fileUrl,
	};
}
