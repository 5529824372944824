// npm run bench's baseline: the least a community trigger can do. It answers at once and emits the parsed body as
// one item, with no checks, so that the bench can tell n8n's own cost per delivery from ours. Plain CommonJS, loaded
// by n8n from this folder the way a community package is (bench/run.js links it beside ours). bench/run.js sends it
// each of our triggers' requests in turn, as that trigger's control: a form or a JSON body, whatever n8n parses it
// into (for Smartcat's JSON array, the array) becomes the item.
'use strict';

class MinimalTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Minimal Trigger',
			name: 'minimalTrigger',
			group: ['trigger'],
			version: 1,
			description: 'The body as one item, no checks (benchmark baseline)',
			defaults: { name: 'Minimal Trigger' },
			inputs: [],
			outputs: ['main'],
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

module.exports = { MinimalTrigger };
