// The unit project of jest.config.js on its own, as mutation testing (stryker.config.mjs) runs it per mutant: a
// test sequencer that leaves out the test files with no test Stryker asks for and runs the quickest first, and a
// test environment that ends a mutant's run at its first failing test and loads n8n-workflow once for all test
// files. The same tests run; Stryker's first run checks that all of them pass this way.
const path = require('node:path');
const { projects, ...shared } = require('./jest.config.js');

module.exports = {
	...shared,
	...projects.find((project) => project.displayName === 'unit'),
	// absolute paths: Stryker's first run loads the environment itself, without resolving <rootDir>
	testSequencer: path.join(__dirname, 'scripts/mutation-test-sequencer.js'),
	testEnvironment: path.join(__dirname, 'scripts/mutation-test-environment.js'),
	moduleNameMapper: { '^n8n-workflow$': path.join(__dirname, 'scripts/mutation-n8n-workflow.js') },
};
