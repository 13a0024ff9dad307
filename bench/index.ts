/**
 * `npm run bench`: every suite, in one process. To add a suite, export a `Suite` from a
 * `*.bench.ts` file and list it here. `npm run bench -- build` runs only suites whose name
 * contains "build". The bundle's first-visit size is reported last (from dist/, when built).
 */
import { buildSuite } from './build.bench.ts';
import { reportBundleSize } from './bundle-size.ts';
import { runSuites, type Suite } from './harness.ts';
import { inspectSuite } from './inspect.bench.ts';
import { qpSuite } from './qp.bench.ts';

const suites: Suite[] = [buildSuite, qpSuite, inspectSuite];

const filter = process.argv[2];
await runSuites(filter ? suites.filter((suite) => suite.name.includes(filter)) : suites);
if (!filter || 'bundle'.includes(filter)) reportBundleSize();
