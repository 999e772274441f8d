// Entry point of the npm package's analysis-worker.js (scripts/build-package.mjs): its bundles share chunks, so the
// worker cannot run its host's file as dist/server.js and dist/cli.js do.
import { serveAnalyses } from './analysis-worker-main';

serveAnalyses();
