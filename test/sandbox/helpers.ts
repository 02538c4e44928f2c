/** Splits a test command line into words: whitespace, with "double quoted" words kept whole. */
export const tokenizeForTest = (line: string): string[] => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map(m => m[1] ?? m[2]);
