/**
 * Tandem's module boundaries, checked in `npm test` by src/core/boundaries.test.ts (README: Architecture).
 * Each rule names what it forbids; the test prints every violation as `from → to (rule)`.
 */

/**
 * The module order: a module may import only modules before it, so modules never form a cycle. A new module goes
 * where its imports allow (after everything it uses) and is registered in src/modules/index.ts.
 */
const MODULE_ORDER = ['people', 'volunteers', 'mentees', 'matching', 'pairs', 'admin', 'network', 'home'];

/** Files only tests load: test files, the helpers they share, and each module's test-only entry (testing.ts). */
const TEST_ONLY = '(\\.test\\.tsx?|/test-helpers\\.ts|/test-support\\.ts|/testing\\.ts)$';
// The same files, as the last part of a path below a module's folder (its own top-level test helpers included).
// The optional folders are written `(.*/|)`: dependency-cruiser refuses `(.*/)?` as an unsafe regular expression.
const TEST_ONLY_IN_MODULE = '^src/modules/([^/]+)/(.*/|)([^/]+\\.test\\.tsx?|test-helpers\\.ts|test-support\\.ts|testing\\.ts)$';
/** Test files themselves: nothing imports them, so they cannot close a cycle. */
const TEST_FILE = '\\.test\\.tsx?$';

/** Exceptions, each with its reason. */
const KNOWN = {
  // users (auth) and people/organisations (tenancy) reference each other in foreign keys; drizzle reads the
  // references lazily (`() => users.id`), so the cycle is harmless at load time. Merging the two files would end it.
  coreTableCycle: '^src/core/(auth/auth|tenancy/tenancy)\\.table\\.ts$',
};

module.exports = {
  forbidden: [
    {
      name: 'module-public-surface',
      comment: "A module imports another module only through its index.ts (the module's public surface).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: [TEST_ONLY, '\\.table\\.ts$'] },
      to: { path: '^src/modules/[^/]+/.', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-public-surface-tests',
      comment: "Tests (and their helpers) import another module through its index.ts or its test-only entry testing.ts.",
      severity: 'error',
      from: { path: TEST_ONLY_IN_MODULE },
      to: { path: '^src/modules/[^/]+/.', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|testing)\\.ts$'] },
    },
    {
      name: 'module-tables',
      comment: "A table file may reference another module's tables (foreign keys) by their table file, or its index.ts.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/.*\\.table\\.ts$' },
      to: { path: '^src/modules/[^/]+/.', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '\\.table\\.ts$'] },
    },
    ...MODULE_ORDER.slice(0, -1).map((module, i) => ({
      name: 'module-order',
      comment: `${module} may import only modules before it in the module order (${MODULE_ORDER.join(' → ')}).`,
      severity: 'error',
      from: { path: `^src/modules/${module}/`, pathNot: TEST_FILE },
      to: { path: `^src/modules/(${MODULE_ORDER.slice(i + 1).join('|')})/` },
    })),
    {
      name: 'module-list',
      comment: 'Only the composition (src/app.ts) loads the list of every module; a module would load those after it.',
      severity: 'error',
      from: { path: '^src/(core|modules/[^/]+)/' },
      to: { path: '^src/modules/index\\.ts$' },
    },
    {
      name: 'core-not-to-modules',
      comment: 'Core never imports a feature: features register into core (core/module.ts), not the other way.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'no-app-import',
      comment:
        'Only main.ts and test-app.ts (the tests\' composition root: it hands buildApp to the harness in core) import src/app.ts; ' +
        'core and modules get what they need from core/module.ts.',
      severity: 'error',
      from: { path: '^src/(core|modules)/' },
      to: { path: '^src/app\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'No file imports itself through a chain of imports that stay in the compiled code (type-only imports vanish).',
      severity: 'error',
      from: { pathNot: KNOWN.coreTableCycle },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
