// Unit tests sit next to the code (*.test.ts). Integration tests live in server/test and talk to
// a real PostgreSQL (DATABASE_URL, or the embedded one started by the test command).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        react: { runtime: 'automatic', importSource: 'preact' },
      },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // @nestjs 12, zod 4 and friends ship ESM only; jest needs them transformed to CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|zod|cookie|preact|@floating-ui|rrule|uuid|@fastify|fastify-plugin|content-disposition)/)',
  ],
  moduleNameMapper: {
    '^@waymark/shared$': '<rootDir>/shared/src/index.ts',
    '^@waymark/widget$': '<rootDir>/widget/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};
module.exports = {
  // A global option in Jest 30 (ignored inside projects); integration tests do real HTTP and SQL.
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,widget,builder-ui,server}/src/**/*.test.{ts,tsx}'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/server/test/**/*.int.test.ts'],
    },
  ],
};
