import type { BuildJob } from './build-stamp.mjs';

export function rendererBuild(root: string): BuildJob;
