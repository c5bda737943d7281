/** declutter's version, as `--version` prints it and the eval index records it; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
