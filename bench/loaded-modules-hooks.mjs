// Module hooks (they run off the main thread): note each module's URL once it has loaded.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  const list = process.env.REFUNDS_BENCH_MODULE_LIST;
  if (list) appendFileSync(list, `${url}\n`);
  return result;
}
