/**
 * Gengo's Job GET (https://developers.gengo.com/v2/api_methods/job/, fixture api-job-get-current-docs.json) names
 * the translated file by a link, `file_url_tgt` ("If the job is a file job, the response will include file_url_src
 * and file_url_tgt"). That link is the vendor's word: Download Target File follows it only where the link policy
 * (nodes/common/http/linkPolicy.ts) allows. The Gengo API here is scripted, the credential's base URL is Gengo's public
 * one and is never contacted; no link is requested, allowed or not (the plain httpRequest is scripted too).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { Gengo } from '../../../../nodes/Gengo/Gengo.node';
import jobGet from '../../../fixtures/public/gengo/api-job-get-current-docs.json';
import { scriptedContext } from '../../../helpers/scriptedContext';

const node = new Gengo();

/** The documented Job GET answer, made a translated file job whose `file_url_tgt` is `link`. */
const jobAnswer = (link: string) => ({
	...jobGet.body,
	response: {
		job: {
			...jobGet.body.response.job,
			status: 'approved',
			file_download_ready: true,
			file_url_src: 'https://files.gengo.example/src.docx',
			file_url_tgt: link,
		},
	},
});

async function download(link: string, fileUrl = '') {
	const parameters: Record<string, unknown> = {
		resource: 'job',
		operation: 'downloadTargetFile',
		jobId: '384985',
		binaryPropertyName: 'data',
		fileUrl,
		options: { timeout: 5 },
		maxFileSize: 100,
	};
	const scripted = scriptedContext({
		credentials: {
			environment: 'custom',
			baseUrl: 'https://api.gengo.com/v2',
			publicKey: 'links-public',
			privateKey: 'links-private',
		},
		answers: (request) =>
			String(request.url).startsWith('https://api.gengo.com/')
				? jobAnswer(link)
				: Buffer.from('{"settings":"of n8n"}'),
	});
	// an action's context: parameters per item, the node, the input items
	const ctx = Object.assign(scripted.ctx as unknown as IExecuteFunctions, {
		getNode: () => ({ name: 'Gengo', type: 'gengo', typeVersion: 1, parameters: {} }),
		getInputData: () => [{ json: {} }],
		continueOnFail: () => false,
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			parameters[name] ?? fallback,
	});
	const outcome = await node.execute.call(ctx).then(
		() => undefined,
		(error: Error) => error,
	);
	const links = scripted.requests
		.map((r) => String(r.url))
		.filter((url) => !url.startsWith('https://api.gengo.com/'));
	return { error: outcome, links };
}

describe("Gengo Download Target File: Gengo's file link goes only where the link policy allows", () => {
	it.each([
		// n8n's own REST API on this machine, as Gengo's answer could name it
		[
			'http://127.0.0.1:5678/rest/settings',
			"127.0.0.1 is a loopback address (this machine): links from Gengo are only followed to public addresses or to the credential's own origin (https://api.gengo.com)",
		],
		['https://127.0.0.2:5678/rest/settings', '127.0.0.2 is a loopback address (this machine)'],
		['https://localhost:5678/rest/settings', 'localhost is a loopback address (this machine)'],
		['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
		['https://10.0.0.8/files/de.docx', '10.0.0.8 is a private network address'],
		['http://files.gengo.example/de.docx', '"http://files.gengo.example" is not https'],
		['https://user:pass@files.gengo.example/de.docx', 'the link carries a user name or password'],
	])('file_url_tgt %s is refused and never requested', async (link, rule) => {
		const { error, links } = await download(link);
		expect(error?.message).toContain(
			`The translated file of Gengo job 384985 cannot be followed: ${rule}`,
		);
		expect(links).toEqual([]);
	});

	it('the File URL given for a job whose Job GET has no link is checked the same way', async () => {
		const { error, links } = await download('', 'http://127.0.0.1:5678/rest/settings');
		expect(error?.message).toContain(
			'The translated file of Gengo job 384985 cannot be followed: 127.0.0.1 is a loopback address',
		);
		expect(links).toEqual([]);
	});

	it("a public https link is requested, without the credential's signature", async () => {
		const { error, links } = await download('https://files.gengo.example/t/de.docx?sig=1');
		expect(error).toBeUndefined();
		expect(links).toEqual(['https://files.gengo.example/t/de.docx?sig=1']);
	});
});
