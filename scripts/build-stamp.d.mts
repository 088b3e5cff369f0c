export function inputsFingerprint(root: string, inputs: readonly string[]): string;

export interface BuildJob {
  root: string;
  /** Files and folders the build reads, relative to `root`. */
  inputs: readonly string[];
  /** Where the fingerprint of the last good build is kept, relative to `root`. */
  stamp: string;
  /** Files the build makes, relative to `root`: one missing means build again. */
  outputs: readonly string[];
  /** Builds; true on success. */
  build: () => boolean | Promise<boolean>;
}

export function buildIfStale(job: BuildJob): Promise<{ ok: boolean; built: boolean; ms: number }>;
