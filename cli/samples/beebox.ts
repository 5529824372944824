import { randomUUID } from 'crypto';

/** A Beebox callback's URL parameters (help.wordbee.com/beebox/callbacks-parameters), as an admin callback sends them. */
export function beeboxCallbackQuery(
	event: string,
	options: { project?: string; ok?: boolean; error?: string } = {},
	now = new Date(),
): string {
	return new URLSearchParams({
		bbid: randomUUID(),
		bbevent: event,
		bbsender: 'Autorun',
		bbproject: options.project ?? 'dddac1e2-32fa-4f29-ab92-78128a94809e',
		bbdate: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
		bbok: options.ok === false ? 'false' : 'true',
		...(options.error ? { bberror: options.error } : {}),
	}).toString();
}
