// Set at build time from package.json (scripts/build.mjs); "dev" when run from source.
declare const AMI_SCHOOL_VERSION: string | undefined;

export const VERSION: string = typeof AMI_SCHOOL_VERSION === 'string' ? AMI_SCHOOL_VERSION : 'dev';
