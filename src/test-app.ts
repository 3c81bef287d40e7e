/**
 * The tests' composition root, beside main.ts: hands src/app.ts's buildApp to the test harness in core, which may not
 * import the app (it lists every module). scripts/test.ts loads this file into every test process; e2e and the
 * benchmarks import it.
 */
import { buildApp } from './app.js';
import { useAppBuilder } from './core/testing/harness.js';

useAppBuilder(buildApp);
