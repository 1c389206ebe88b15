// `node --import ./record-loaded-modules.mjs ...`: every module the process loads is appended, one URL a line, to
// the file named by REFUNDS_BENCH_MODULE_LIST. The footprint section uses it to list what an import loads.
import { register } from 'node:module';

register('./loaded-modules-hooks.mjs', import.meta.url);
