/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * `npx translation-events-simulate <vendor> --event <code> --url <webhook url>`: sends one real-looking vendor
 * callback to a URL (a trigger's Production URL, or its Test URL while "Listen for test event" runs), so workflows
 * can be tried without ordering a translation. Prints the answer.
 *
 * It is its own npm package (cli/package.json), not a bin of n8n-nodes-translation-events: a command needs console
 * and process, which n8n's package scanner refuses anywhere in a community node package.
 */
import { beeboxCallbackQuery } from '../test/fixtures/samples/beebox';
import { GENGO_SAMPLE_EVENTS, gengoCallbackRequest } from '../test/fixtures/samples/gengo';
import { phraseSampleWebhook } from '../test/fixtures/samples/phrase';
import { SMARTCAT_SAMPLE_PATHS, smartcatCallbackRequest } from '../test/fixtures/samples/smartcat';

const USAGE = `Usage:
  translation-events-simulate gengo  --url <webhook url> [--event ${GENGO_SAMPLE_EVENTS.join('|')}] [--job-id N] [--file-url URL] [--custom-data TEXT]
  translation-events-simulate beebox --url <webhook url> [--event CreatedTranslatedFiles] [--project KEY] [--failed MESSAGE]
  translation-events-simulate phrase --url <webhook url> --token <secret token> [--event JOB_STATUS_CHANGED] [--status COMPLETED_BY_LINGUIST] [--job-uid UID] [--project-uid UID]
  translation-events-simulate smartcat --url <callback url> [--event ${Object.keys(SMARTCAT_SAMPLE_PATHS).join('|')}] [--ids 189_25,310_25] [--header Name:Value]

Sends one callback the way the vendor sends it and prints the HTTP answer. Defaults: gengo reviewable,
beebox CreatedTranslatedFiles, smartcat document.status. A secret token belongs in the URL, as the vendor would
call it; for Smartcat give the account's callback URL (without /document/status) and the secret header.`;

function parseArgs(argv: string[]): { command: string[]; flags: Record<string, string> } {
	const command: string[] = [];
	const flags: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg.startsWith('--')) {
			const [name, inline] = arg.slice(2).split('=', 2);
			flags[name] = inline ?? argv[++i] ?? '';
		} else command.push(arg);
	}
	return { command, flags };
}

/**
 * The URL as printed: a terminal's scrollback, a CI log or a shared screenshot must not carry the secret the URL
 * proves (Beebox's and Gengo's `?token=`, or the path variant's last segment). Query values and path segments
 * that could be a secret are shown as `***`; a webhook id (a UUID) stays readable.
 */
export function withoutSecrets(url: string): string {
	const parsed = new URL(url);
	const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
	parsed.pathname = parsed.pathname
		.split('/')
		.map((segment) =>
			segment.length >= 16 && !uuid.test(segment) && /^[A-Za-z0-9_:%-]+$/.test(segment)
				? '***'
				: segment,
		)
		.join('/');
	for (const name of [...new Set(parsed.searchParams.keys())])
		if (/token|secret|key|sig|password/i.test(name)) parsed.searchParams.set(name, '***');
	parsed.username = parsed.username ? '***' : '';
	parsed.password = parsed.password ? '***' : '';
	return parsed.toString().replace(/%2A%2A%2A/g, '***');
}

export async function main(argv: string[]): Promise<number> {
	const { command, flags } = parseArgs(argv);
	if (flags.help !== undefined || !command[0]) {
		console.log(USAGE);
		return flags.help !== undefined ? 0 : 2;
	}
	const url = flags.url;
	if (!url || !/^https?:\/\//.test(url)) {
		console.error('--url <webhook url> is required (http:// or https://)');
		return 2;
	}
	let response: Response;
	if (command[0] === 'gengo') {
		const event = flags.event ?? 'reviewable';
		const request = gengoCallbackRequest(event, {
			jobId: flags['job-id'],
			fileUrl: flags['file-url'],
			customData: flags['custom-data'],
		});
		console.log(
			`POST ${withoutSecrets(url)} (Gengo ${event === 'comment' ? 'comment' : `job ${event}`})`,
		);
		response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': request.contentType },
			body: request.body,
		});
	} else if (command[0] === 'beebox') {
		const event = flags.event ?? 'CreatedTranslatedFiles';
		const query = beeboxCallbackQuery(event, {
			project: flags.project,
			ok: flags.failed === undefined,
			error: flags.failed,
		});
		const target = `${url}${url.includes('?') ? '&' : '?'}${query}`;
		console.log(`GET ${withoutSecrets(target)}`);
		response = await fetch(target);
	} else if (command[0] === 'phrase') {
		const event = flags.event ?? 'JOB_STATUS_CHANGED';
		const body = JSON.stringify(
			phraseSampleWebhook(event, {
				status: flags.status,
				jobUid: flags['job-uid'],
				projectUid: flags['project-uid'],
			}),
		);
		console.log(`POST ${withoutSecrets(url)} (Phrase TMS ${event})`);
		response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'X-Memsource-Token': flags.token ?? '' },
			body,
		});
	} else if (command[0] === 'smartcat') {
		const event = flags.event ?? 'document.status';
		const ids = flags.ids
			? flags.ids
					.split(',')
					.map((id) => id.trim())
					.filter(Boolean)
			: undefined;
		const request = smartcatCallbackRequest(url, event, ids);
		const headers: Record<string, string> = { 'content-type': request.contentType };
		if (flags.header) {
			const at = flags.header.indexOf(':');
			if (at < 1) {
				console.error('--header must be Name:Value');
				return 2;
			}
			headers[flags.header.slice(0, at).trim()] = flags.header.slice(at + 1).trim();
		}
		console.log(`POST ${withoutSecrets(request.url)} ${request.body}`);
		response = await fetch(request.url, { method: 'POST', headers, body: request.body });
	} else {
		console.error(`unknown vendor "${command[0]}": gengo, beebox, smartcat or phrase`);
		return 2;
	}
	console.log(`${response.status} ${response.statusText}\n${await response.text()}`);
	return response.ok ? 0 : 1;
}

if (require.main === module)
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error: Error) => {
			console.error(`simulate failed: ${error.message}`);
			process.exit(1);
		},
	);
