// The "e2e n8n 1.x" project's global setup: the same as globalSetup.js (installs that project's n8n), in a file
// of its own because jest runs a global setup file once, for the first project that names it.
module.exports = require('./globalSetup.js');
