// npm run bench's second control: the minimal trigger (MinimalTrigger.node.js) holding one credential, which it
// never reads. n8n does work of its own for every execution of a workflow whose node holds a credential (checking
// that the workflow may use it, asking whether it is resolved per user) and for none without: our triggers hold at
// least one (the secret, or the vendor API credential the secret is derived from), so this is the least a trigger
// that keeps its secret in a credential can cost. The gap between the two controls is n8n's price for the
// credential; the gap between this one and our trigger is ours.
'use strict';

class MinimalCredentialTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Minimal Trigger Holding a Credential',
			name: 'minimalCredentialTrigger',
			group: ['trigger'],
			version: 1,
			description:
				'The body as one item, no checks, one credential held but never read (benchmark control)',
			defaults: { name: 'Minimal Trigger Holding a Credential' },
			inputs: [],
			outputs: ['main'],
			credentials: [{ name: 'translationWebhookSecretApi', required: true }],
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'minimal' },
			],
			properties: [],
		};
	}

	async webhook() {
		return { workflowData: [[{ json: this.getBodyData() }]] };
	}
}

module.exports = { MinimalCredentialTrigger };
