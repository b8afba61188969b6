/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testTimeout: 60000,
  transform: {
    '^.+\\.[cm]?[tj]sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // Jest runs without --experimental-vm-modules, where a dynamic import() throws. Let SWC compile these two to
  // CommonJS: the schema engine's wasm glue is an ES module, and PGlite's CommonJS build loads Node built-ins with
  // import() (SWC turns those into require()).
  transformIgnorePatterns: ['/node_modules/(?!(@prisma/schema-engine-wasm|@electric-sql/pglite)/)'],
};
