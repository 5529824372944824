// npm run bench's second control: the minimal trigger (MinimalTrigger.node.js) holding one credential, which it
// never reads. n8n does work of its own for every execution of a workflow whose node holds a credential (checking
// that the workflow may use it, asking whether it is resolved per user) and for none without: our triggers hold at
// least one (the secret, or the vendor API credential the secret is derived from), so this is the least a trigger
// that keeps its secret in a credential can cost. The gap between the two controls is n8n's price for the
// credential; the gap between this one and our trigger is ours. It extends the minimal trigger, so that the
// credential stays the only difference between the two.
'use strict';

const { MinimalTrigger } = require('./MinimalTrigger.node.js');

class MinimalCredentialTrigger extends MinimalTrigger {
	constructor() {
		super();
		this.description = {
			...this.description,
			displayName: 'Bench Minimal Trigger Holding a Credential',
			name: 'minimalCredentialTrigger',
			description:
				'The body as one item, no checks, one credential held but never read (benchmark control)',
			defaults: { name: 'Minimal Trigger Holding a Credential' },
			credentials: [{ name: 'translationWebhookSecretApi', required: true }],
		};
	}
}

module.exports = { MinimalCredentialTrigger };
