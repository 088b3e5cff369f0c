import type { BuildJob } from './build-stamp.mjs';

export const HOST_ENTRY: string;
export const HOST_BUNDLE: string;
export function hostBuild(root: string): BuildJob;
