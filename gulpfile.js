// Copies what n8n reads next to the built nodes: icons (SVG, PNG) and codex files (*.node.json).
const { src, dest } = require('gulp');

function buildAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = buildAssets;
