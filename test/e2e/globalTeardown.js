// Fails the e2e run when any n8n of it showed a credential value in its output, its stored executions or its
// workflows' static data (found by test/e2e/n8n.js when each n8n stops, written to N8N_E2E_LEAK_REPORT by
// globalSetup.js's naming). The report says where and how long the value was, never the value.
const fs = require('node:fs');

module.exports = async function failOnLeaks() {
	const file = process.env.N8N_E2E_LEAK_REPORT;
	if (!file || !fs.existsSync(file)) return;
	const report = fs.readFileSync(file, 'utf8').trim();
	fs.rmSync(file, { force: true });
	if (report) throw new Error(`credential values were found where they must never be:\n${report}`);
};
