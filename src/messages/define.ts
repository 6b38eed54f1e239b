/**
 * How the message catalogue is built. Every text a person reads on the terminal or the page is
 * an entry of the catalogue: an id ("import.fileNotFound"), typed parameters, and one rendering
 * per language. Code that meets a fault builds a `Message` (the id and the parameters: data) and
 * hands it on; only a front end renders it, in the language the person chose.
 *
 * One catalogue module per stage (src/messages/import.ts, cli.ts, …), each made with
 * `catalogue('namespace', { … })`. A wording fix or a missing English text is then one place.
 */
import { formatNumberIn } from '../model/numbers.js';

export type Lang = 'vi' | 'en';

/**
 * A name given in both languages by data (a layout's description, a level's name), not a
 * message: it is not in the catalogue because it is not code's text.
 */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** A rendering: a fixed text, or a function of the entry's parameters. */
type Rendering<P> = string | ((params: P) => string);

export interface Entry<P> {
  readonly vi: Rendering<P>;
  readonly en: Rendering<P>;
}

/**
 * One entry. The parameters' type is taken from the Vietnamese rendering; the English one is
 * checked against it: `text((p: { file: string }) => \`Không tìm thấy tệp ${p.file}\`, (p) => …)`.
 */
export function text<P extends object = Record<never, never>>(vi: Rendering<P>, en: Rendering<P>): Entry<P> {
  return { vi, en };
}

/**
 * A message: which entry, with which parameters. Plain data (it crosses worker threads as it
 * is, and `revive` gives it back its methods); rendered only when shown.
 */
export class Message {
  constructor(
    readonly id: string,
    readonly params: object,
  ) {}

  in(lang: Lang): string {
    const registered = REGISTRY.get(this.id);
    if (!registered) throw new Error(`Message id ${this.id} is not in the catalogue`);
    return renderEntry(registered.entry, this.params, lang);
  }

  get vi(): string {
    return this.in('vi');
  }

  get en(): string {
    return this.in('en');
  }

  /** What the page receives: both renderings, so that its language switch re-draws from memory. */
  toJSON(): { vi: string; en: string } {
    return { vi: this.vi, en: this.en };
  }
}

export function render(message: Message, lang: Lang): string {
  return message.in(lang);
}

/** `() => Message` for an entry without parameters, `(params) => Message` otherwise. */
type Maker<P> = [keyof P] extends [never] ? () => Message : (params: P) => Message;
type Makers<T> = { readonly [K in keyof T]: T[K] extends Entry<infer P> ? Maker<P> : never };

interface Registered {
  readonly id: string;
  readonly entry: Entry<object>;
}

const REGISTRY = new Map<string, Registered>();

/** Every entry of every catalogue module loaded so far (src/messages/index.ts loads them all). */
export function registeredEntries(): readonly Registered[] {
  return [...REGISTRY.values()];
}

function renderEntry(entry: Entry<object>, params: object, lang: Lang): string {
  const rendering = entry[lang];
  return typeof rendering === 'string' ? rendering : rendering(params);
}

/** Any entry, whatever its parameters (not `Entry<never>`: that would be inferred into `text`). */
interface SomeEntry {
  readonly vi: unknown;
  readonly en: unknown;
}

function register(id: string, entry: Entry<object>): void {
  if (REGISTRY.has(id)) throw new Error(`Message id ${id} is defined twice`);
  REGISTRY.set(id, { id, entry });
}

/**
 * A catalogue module: `catalogue('import', { fileNotFound: text(…), … })` gives
 * `importText.fileNotFound({ file })`, a `Message` with id "import.fileNotFound".
 */
export function catalogue<const T extends Record<string, SomeEntry>>(namespace: string, entries: T): Makers<T> {
  const makers: Record<string, (params?: object) => Message> = {};
  for (const [key, entry] of Object.entries(entries)) {
    const id = `${namespace}.${key}`;
    // Every value here was made by `text`, whose parameters the caller's type checks.
    register(id, entry as Entry<object>);
    makers[key] = (params: object = {}) => new Message(id, params);
  }
  return makers as Makers<T>;
}

/**
 * A message that came through a worker thread (or JSON) as `{ id, params }`, given back its
 * methods, and so are the messages among its parameters.
 */
export function revive<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => revive(item)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Message) return value;
  const record = value as Record<string, unknown>;
  const revived = Object.fromEntries(Object.entries(record).map(([key, item]) => [key, revive(item)]));
  if (typeof record['id'] === 'string' && REGISTRY.has(record['id']) && typeof record['params'] === 'object' && record['params'] !== null && Object.keys(record).length === 2) {
    return new Message(record['id'], revived['params'] as object) as T;
  }
  return revived as T;
}

/** A number grouped for the reader: "22.298" in Vietnamese, "22,298" in English. */
export function numberIn(lang: Lang, value: number, decimals = 0): string {
  return formatNumberIn(value, lang, decimals);
}

register('common.joined', {
  vi: (p) => joinedIn(p, 'vi'),
  en: (p) => joinedIn(p, 'en'),
});

function joinedIn(params: object, lang: Lang): string {
  const { parts, separator } = params as { parts: readonly Message[]; separator: Bilingual };
  return parts.map((part) => part.in(lang)).join(separator[lang]);
}

/** Messages joined into one, each part in the reader's language. */
export function joined(parts: readonly Message[], separator: Bilingual = { vi: ' ', en: ' ' }): Message {
  return new Message('common.joined', { parts, separator });
}

