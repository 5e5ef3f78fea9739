// Types for scripts/lib/bundle.mjs (plain JavaScript so the claimline launcher needs no TypeScript).
export declare const DIST: string
export declare function bundleInputsHash(root: string): string
export declare function bundlesAreCurrent(root: string, hash?: string): boolean
export declare function buildBundles(root: string): Promise<void>
export declare function ensureBundles(root: string): Promise<boolean>
