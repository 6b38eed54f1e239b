// postject ships no types; this is the part of its API packaging/build.ts calls.
declare module 'postject' {
  export interface InjectOptions {
    readonly sentinelFuse?: string;
    readonly machoSegmentName?: string;
    readonly overwrite?: boolean;
  }
  export function inject(filename: string, resourceName: string, resourceData: Buffer, options?: InjectOptions): Promise<void>;
}
