/**
 * The `stopword` package's lists, loaded with `require`: the package is CommonJS without type declarations, and a
 * CommonJS module loads it the same way in the ES module build and in the CommonJS one (which has no import.meta).
 */
export const STOPWORD_LISTS = require('stopword') as Record<string, unknown>;
