declare const POSTMORTEM_VERSION: string | undefined;

/** The package version, injected by the bundler (see scripts/build.mjs); 'dev' when run from source. */
export const VERSION: string = typeof POSTMORTEM_VERSION === 'string' ? POSTMORTEM_VERSION : 'dev';
