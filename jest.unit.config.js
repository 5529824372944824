// The unit project of jest.config.js on its own: what mutation testing (stryker.config.mjs) runs per mutant.
const { projects, ...shared } = require('./jest.config.js');

module.exports = { ...shared, ...projects.find((project) => project.displayName === 'unit') };
