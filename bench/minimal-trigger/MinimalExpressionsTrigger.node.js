// npm run bench's second baseline: the minimal trigger (MinimalTrigger.node.js) with what n8n does for our triggers
// before and around their own code: our webhook description (responseMode, responseData, path and isFullPath as
// expressions over node parameters, so that Respond and the token location are settings; n8n 2.41 evaluates them
// on every request) and reading the secret from its credential (getCredentials). The gap between the two
// baselines is n8n's cost of those; the gap between this one and our trigger is our own code.
'use strict';

class MinimalExpressionsTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Minimal Trigger with Expressions',
			name: 'minimalExpressionsTrigger',
			group: ['trigger'],
			version: 1,
			description:
				'The body as one item, no checks, our webhook description and a credential read (benchmark baseline)',
			defaults: { name: 'Minimal Trigger with Expressions' },
			inputs: [],
			outputs: ['main'],
			credentials: [{ name: 'translationWebhookSecretApi', required: false }],
			webhooks: [
				{
					name: 'default',
					httpMethod: 'POST',
					responseMode: '={{ $parameter["respond"] === "lastNode" ? "lastNode" : "onReceived" }}',
					responseData: '={{ $parameter["respond"] === "lastNode" ? "noData" : "" }}',
					path: '={{ $parameter["urlTokenLocation"] === "path" ? "minimal/:token-" + $webhookId : "minimal" }}',
					isFullPath: '={{ $parameter["urlTokenLocation"] === "path" }}',
				},
			],
			properties: [
				{
					displayName: 'Respond',
					name: 'respond',
					type: 'options',
					options: [
						{ name: 'When Received', value: 'onReceived' },
						{ name: 'When Workflow Finished', value: 'lastNode' },
					],
					default: 'onReceived',
				},
				{
					displayName: 'Token Location',
					name: 'urlTokenLocation',
					type: 'options',
					options: [
						{ name: 'Query', value: 'query' },
						{ name: 'Path', value: 'path' },
					],
					default: 'query',
				},
			],
		};
	}

	async webhook() {
		await this.getCredentials('translationWebhookSecretApi');
		return { workflowData: [[{ json: this.getBodyData() }]] };
	}
}

module.exports = { MinimalExpressionsTrigger };
