// @ts-check
// `npm run bench`: the benchmark (throughput and latency against n8n's own Webhook node, validation cost, load
// time, memory) is the reliability issue's work and has not landed yet.
'use strict';

console.log('no benchmarks yet: see README.md, "Performance"');
