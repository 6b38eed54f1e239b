/**
 * `npm ci` on the Node the README names must not warn EBADENGINE: every package of the lockfile
 * accepts Node 20.19 and 20.20 (docx's nanoid is overridden to 5.x: docx bundles its own copy of
 * nanoid's non-secure generator, so the installed one is never loaded).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const Lockfile = z.object({ packages: z.record(z.string(), z.object({ engines: z.object({ node: z.string().optional() }).loose().or(z.array(z.string())).optional() }).loose()) });
const lock = Lockfile.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../package-lock.json'), 'utf8')));
const Manifest = z.object({ engines: z.object({ node: z.string() }) });
const manifest = Manifest.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')));

type Version = [number, number, number];
const parse = (text: string): Version => {
  const [major = 0, minor = 0, patch = 0] = text.replace(/^v/, '').split('.').map((part) => (part === 'x' || part === '*' ? 0 : Number(part)));
  return [major, minor, patch];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The comparators npm's engine ranges use here: >=, >, <=, <, ^, ~, exact, *, x. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<)\s+/g, '$1')
      .split(/\s+/)
      .filter((part) => part !== '')
      .every((comparator) => {
        if (comparator === '*' || comparator === 'x') return true;
        const match = /^(>=|<=|>|<|\^|~|=)?(.+)$/.exec(comparator)!;
        const bound = parse(match[2]!);
        const order = compare(v, bound);
        switch (match[1]) {
          case '>=':
            return order >= 0;
          case '>':
            return order > 0;
          case '<=':
            return order <= 0;
          case '<':
            return order < 0;
          case '^':
            return order >= 0 && v[0] === bound[0] && (bound[0] !== 0 || v[1] === bound[1]);
          case '~':
            return order >= 0 && v[0] === bound[0] && v[1] === bound[1];
          default: {
            const parts = match[2]!.split('.').length;
            return v.slice(0, parts).every((part, index) => part === bound[index]);
          }
        }
      }),
  );
}

describe('Node 20', () => {
  it('reads ranges as npm does', () => {
    expect(satisfies('20.19.0', '^22 || ^24 || >=26')).toBe(false);
    expect(satisfies('20.19.0', '^18 || >=20')).toBe(true);
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.18.9', '>=20.19.0')).toBe(false);
    expect(satisfies('20.20.2', '>= 14.6')).toBe(true);
  });

  it('is what package.json asks for, and every installed package accepts it', () => {
    expect(manifest.engines.node).toBe('>=20.19.0');
    for (const node of ['20.19.0', '20.20.0']) {
      const refusing = Object.entries(lock.packages)
        .filter(([, entry]) => entry.engines !== undefined && !Array.isArray(entry.engines) && entry.engines.node !== undefined)
        .filter(([, entry]) => !Array.isArray(entry.engines) && !satisfies(node, entry.engines!.node!))
        .map(([name]) => name);
      expect(refusing, `Node ${node}`).toEqual([]);
    }
  });
});
