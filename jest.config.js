/**
 * Jest runs the TypeScript sources directly as ES modules through ts-jest; the few CommonJS sources (`.cts`, see
 * src/lang/stopword-lists.cts) are imported by their built name (`.cjs`) and run as CommonJS.
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'mjs', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', '^(\\.{1,2}/.*)\\.cjs$': '$1.cts' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
    '^.+\\.cts$': ['ts-jest', { useESM: false, tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
};
