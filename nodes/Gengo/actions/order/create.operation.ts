import { NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../common/actions/operations';
import { jsonItems, refuseRetryOnFail } from '../../../common/actions/operations';
import { callbackUrlProblem, triggerCallbackUrl } from '../../callbackTarget';
import { MAX_COMMENT_CHARACTERS, MAX_CUSTOM_DATA_BYTES, orderJob } from '../../ordering';
import { contentProperties, jobOptions, readItemJob } from './shared';

/** Said in the operation's description, its notice and README: an order spends the account's credits. */
export const COSTS_MONEY =
	"Orders a human translation from Gengo: each run spends your Gengo account's credits (Order → Quote shows the price first)";

const properties: INodeProperties[] = [
	{
		displayName:
			"Each run orders a paid translation from Gengo and spends your account's credits. A request that may have reached Gengo is never sent again: if it fails without an answer, check Gengo before running the node again. Use Order → Quote to see the price first, and a sandbox credential to try it out.",
		name: 'costsMoneyNotice',
		type: 'notice',
		default: '',
	},
	...contentProperties,
	{
		displayName: 'Callback',
		name: 'callback',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Gengo Trigger',
				value: 'trigger',
				description:
					"Gengo calls your Gengo Trigger about this job: the Callback URL and Secret of the Translation Webhook Secret credential chosen below (the trigger's own), so the secret is in no workflow",
			},
			{
				name: 'Other URL',
				value: 'url',
				description: 'Gengo calls a URL you give; anything in it is saved in this workflow',
			},
			{ name: 'None', value: 'none', description: 'No callbacks for this job' },
		],
		default: 'trigger',
		description: "Where Gengo sends the job's status changes and the translator's comments",
	},
	{
		displayName:
			"Choose the Translation Webhook Secret credential your Gengo Trigger uses, and fill in its Callback URL once with the trigger's Production URL (without ?token=). The node appends the secret when it orders; the workflow never contains it.",
		name: 'callbackNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { callback: ['trigger'] } },
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/gengo-callback',
		displayOptions: { show: { callback: ['url'] } },
		description:
			'Where Gengo POSTs about the job. Saved in the workflow: for the Gengo Trigger choose Callback: Gengo Trigger, which keeps its secret out of it.',
	},
	{
		displayName: 'Auto Approve',
		name: 'autoApprove',
		type: 'boolean',
		default: false,
		description:
			"Whether Gengo approves the translation as soon as the translator submits it. Off: the job waits for Job → Approve (or approves itself after Gengo's review period).",
	},
	{
		displayName: 'Comment for the Translator',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Instructions or context for the translator (up to 25,000 characters)',
	},
	{
		displayName: 'Custom Data',
		name: 'customData',
		type: 'string',
		default: '',
		placeholder: '={{ JSON.stringify({ entry: $json.entry }) }}',
		description:
			"Up to 1 KB that Gengo keeps with the job and sends back in every callback (the Gengo Trigger's item has it as customData): e.g. the CMS entry to put the translation into",
	},
	jobOptions([
		{
			displayName: 'Force New Translation',
			name: 'force',
			type: 'boolean',
			default: false,
			description:
				"Whether to order even when Gengo already translated the same content: off (Gengo's default), Gengo answers with the existing job and charges nothing",
		},
		{
			displayName: 'Use Preferred Translators',
			name: 'usePreferred',
			type: 'boolean',
			default: false,
			description: "Whether only the account's preferred translators may take the job",
		},
	]),
];

const utf8Bytes = (value: string) => Buffer.byteLength(value, 'utf8');

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create order',
		description: COSTS_MONEY,
	},
	properties,
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'a Gengo order');
		const options = ctx.getNodeParameter('options', i, {}) as {
			slug?: string;
			fileName?: string;
			force?: boolean;
			usePreferred?: boolean;
		};
		const fail = (message: string, description: string): never => {
			throw new NodeOperationError(ctx.getNode(), message, { itemIndex: i, description });
		};
		const comment = String(ctx.getNodeParameter('comment', i, '') ?? '');
		if (comment.length > MAX_COMMENT_CHARACTERS)
			fail(
				`Comment for the Translator has ${comment.length} characters`,
				`Gengo accepts comments of up to ${MAX_COMMENT_CHARACTERS} characters.`,
			);
		const customData = String(ctx.getNodeParameter('customData', i, '') ?? '');
		if (utf8Bytes(customData) > MAX_CUSTOM_DATA_BYTES)
			fail(
				`Custom Data is ${utf8Bytes(customData)} bytes`,
				`Gengo keeps up to ${MAX_CUSTOM_DATA_BYTES} bytes (1 KB) of custom data per job: keep an id there and look the rest up.`,
			);

		const callback = ctx.getNodeParameter('callback', i) as 'trigger' | 'url' | 'none';
		let callbackUrl: string | undefined;
		const secrets: string[] = [];
		if (callback === 'trigger') {
			const target = await triggerCallbackUrl(ctx, i);
			callbackUrl = target.url;
			secrets.push(target.secret);
		} else if (callback === 'url') {
			callbackUrl = String(ctx.getNodeParameter('callbackUrl', i, '') ?? '').trim();
			const problem = callbackUrl ? callbackUrlProblem(callbackUrl) : 'it is empty';
			if (problem) fail(`Callback URL cannot be used: ${problem}`, 'Give an absolute https URL.');
		}

		const job = await readItemJob(ctx, i, options);
		const result = await orderJob(
			ctx,
			job.content,
			{
				lcSrc: job.pair.lcSrc,
				lcTgt: job.pair.lcTgt,
				tier: job.pair.tier,
				slug: job.slug,
				comment: comment || undefined,
				autoApprove: ctx.getNodeParameter('autoApprove', i, false) as boolean,
				customData: customData || undefined,
				callbackUrl,
				force: options.force === true,
				usePreferred: options.usePreferred === true,
			},
			secrets,
		);
		return jsonItems(result as IDataObject, i);
	},
};
