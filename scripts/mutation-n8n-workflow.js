// n8n-workflow as mutation testing loads it (jest.unit.config.js maps the package here): the one copy that
// mutation-test-environment.js loaded in Stryker's jest process, shared by every test file instead of evaluated
// again for each (about 0.8 s a file). Its classes then come from that process's realm: a test asserts on
// n8n-workflow's own classes (NodeOperationError), not on the realm's Error.
module.exports = globalThis.__mutationTestingShared['n8n-workflow'];
