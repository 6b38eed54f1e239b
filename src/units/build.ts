/**
 * Indexes over the parsed unit lists and the 2025 crosswalk. Pure: the files are read and
 * parsed in load.ts. The three parts are built separately so that a run only pays for the
 * lists it uses (most runs never need the merges file, the largest).
 */
import type { MergeSource, MergesFile, PostUnitsFile, PreUnitsFile } from './schema.js';
import type { AdminUnit, AdminUnits, CrosswalkTarget, Era, FormedFromEntry, UnitLevel } from './types.js';

/**
 * Known errata of the post-reform list (data/admin-units/README.md, "Known errata"): two
 * communes carry a code other than the one in NSO letter 1027/CTK-CSCL, which the merges file
 * uses. Correcting the list makes both files agree on the official codes.
 * - Xã Ba Chẽ (Quảng Ninh): 06978 in the list, 06970 officially (fixed upstream in v5.0.0).
 * - Xã Ia Mơ (Gia Lai): 23938 (its old commune code) in the list, 23737 in letter 1027.
 */
export const POST_LIST_CODE_ERRATA: ReadonlyMap<string, string> = new Map([
  ['06978', '06970'],
  ['23938', '23737'],
]);

/** The post-reform list with the errata corrected (an erratum already fixed upstream is a no-op). */
export function correctPostList(post: PostUnitsFile): PostUnitsFile {
  const present = new Set<string>();
  for (const p of post) for (const w of p.Wards) present.add(w.Code);
  return post.map((p) => ({
    ...p,
    Wards: p.Wards.map((w) => {
      const official = POST_LIST_CODE_ERRATA.get(w.Code);
      return official !== undefined && !present.has(official) ? { ...w, Code: official } : w;
    }),
  }));
}

export interface PreIndex {
  readonly provinces: ReadonlyMap<string, AdminUnit>;
  readonly districts: ReadonlyMap<string, AdminUnit>;
  readonly communes: ReadonlyMap<string, AdminUnit>;
  readonly districtsOfProvince: ReadonlyMap<string, readonly AdminUnit[]>;
  readonly communesOfDistrict: ReadonlyMap<string, readonly AdminUnit[]>;
  readonly communesOfProvince: ReadonlyMap<string, readonly AdminUnit[]>;
}

export interface PostIndex {
  readonly provinces: ReadonlyMap<string, AdminUnit>;
  readonly communes: ReadonlyMap<string, AdminUnit>;
  readonly communesOfProvince: ReadonlyMap<string, readonly AdminUnit[]>;
}

export interface CrosswalkIndex {
  readonly communes: ReadonlyMap<string, CrosswalkTarget>;
  /** Old commune → the new communes listing it, in the merges file's order. */
  readonly listedIn: ReadonlyMap<string, readonly string[]>;
  /** Built on each call (rarely asked, so not worth building for all 3,321 at start-up). */
  readonly formedFrom: (newCommuneCode: string) => FormedFromEntry[];
  readonly provinces: ReadonlyMap<string, CrosswalkTarget>;
}

const PROVINCE_CODE = /^\d{2}$/;
const DISTRICT_CODE = /^\d{3}$/;
const COMMUNE_CODE = /^\d{5}$/;

const byCode = (a: AdminUnit, b: AdminUnit): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function dataError(detail: string): Error {
  return new Error(`Bundled administrative-unit data is inconsistent (data/admin-units): ${detail}`);
}

function unitName(raw: string, code: string): string {
  const name = raw.normalize('NFC').trim();
  if (name === '') throw dataError(`unit ${code} has no name`);
  return name;
}

function checkCode(code: string, format: RegExp, what: string): void {
  if (!format.test(code)) throw dataError(`malformed ${what} code ${JSON.stringify(code)}`);
}

function putUnique(map: Map<string, AdminUnit>, unit: AdminUnit): void {
  if (map.has(unit.code)) throw dataError(`duplicate ${unit.era} ${unit.level} code ${unit.code}`);
  map.set(unit.code, unit);
}

export function indexPre(pre: PreUnitsFile): PreIndex {
  const provinces = new Map<string, AdminUnit>();
  const districts = new Map<string, AdminUnit>();
  const communes = new Map<string, AdminUnit>();
  const districtsOfProvince = new Map<string, AdminUnit[]>();
  const communesOfDistrict = new Map<string, AdminUnit[]>();
  const communesOfProvince = new Map<string, AdminUnit[]>();
  for (const p of pre) {
    checkCode(p.Code, PROVINCE_CODE, 'province');
    putUnique(provinces, { code: p.Code, name: unitName(p.FullName, p.Code), level: 'province', era: 'pre', provinceCode: p.Code });
    const districtList: AdminUnit[] = [];
    const provinceCommunes: AdminUnit[] = [];
    for (const d of p.District) {
      checkCode(d.Code, DISTRICT_CODE, 'district');
      if (d.ProvinceCode !== p.Code) throw dataError(`district ${d.Code} listed under province ${p.Code}`);
      const district: AdminUnit = { code: d.Code, name: unitName(d.FullName, d.Code), level: 'district', era: 'pre', provinceCode: p.Code };
      putUnique(districts, district);
      districtList.push(district);
      const districtCommunes: AdminUnit[] = [];
      // Island districts without a commune level have Ward: null.
      for (const w of d.Ward ?? []) {
        checkCode(w.Code, COMMUNE_CODE, 'commune');
        if (w.DistrictCode !== d.Code) throw dataError(`commune ${w.Code} listed under district ${d.Code}`);
        const commune: AdminUnit = {
          code: w.Code,
          name: unitName(w.FullName, w.Code),
          level: 'commune',
          era: 'pre',
          provinceCode: p.Code,
          districtCode: d.Code,
        };
        putUnique(communes, commune);
        districtCommunes.push(commune);
        provinceCommunes.push(commune);
      }
      communesOfDistrict.set(d.Code, districtCommunes.sort(byCode));
    }
    districtsOfProvince.set(p.Code, districtList.sort(byCode));
    communesOfProvince.set(p.Code, provinceCommunes.sort(byCode));
  }
  return { provinces, districts, communes, districtsOfProvince, communesOfDistrict, communesOfProvince };
}

/** Applies the errata ({@link correctPostList}) before indexing. */
export function indexPost(rawPost: PostUnitsFile): PostIndex {
  const post = correctPostList(rawPost);
  const provinces = new Map<string, AdminUnit>();
  const communes = new Map<string, AdminUnit>();
  const communesOfProvince = new Map<string, AdminUnit[]>();
  for (const p of post) {
    checkCode(p.Code, PROVINCE_CODE, 'province');
    putUnique(provinces, { code: p.Code, name: unitName(p.FullName, p.Code), level: 'province', era: 'post', provinceCode: p.Code });
    const list: AdminUnit[] = [];
    for (const w of p.Wards) {
      checkCode(w.Code, COMMUNE_CODE, 'commune');
      if (w.ProvinceCode !== p.Code) throw dataError(`commune ${w.Code} listed under province ${p.Code}`);
      const commune: AdminUnit = { code: w.Code, name: unitName(w.FullName, w.Code), level: 'commune', era: 'post', provinceCode: p.Code };
      putUnique(communes, commune);
      list.push(commune);
    }
    communesOfProvince.set(p.Code, list.sort(byCode));
  }
  return { provinces, communes, communesOfProvince };
}

export function indexCrosswalk(merges: MergesFile, pre: PreIndex, post: PostIndex): CrosswalkIndex {
  // Old commune → the new communes listing it, in file order (provinces, then communes, by
  // code): "the first new commune listing it" is the first of these.
  const listedIn = new Map<string, string[]>();
  const partial = new Set<string>();
  const sourcesOf = new Map<string, readonly MergeSource[]>();
  const provinces = new Map<string, CrosswalkTarget>();
  for (const p of merges.data) {
    if (!post.provinces.has(p.level1_id)) throw dataError(`merges file has province ${p.level1_id}, not in the post-reform list`);
    for (const m of p.merges) {
      if (!pre.provinces.has(m.old_id)) throw dataError(`merges file has old province ${m.old_id}, not in the pre-reform list`);
      provinces.set(m.old_id, { code: p.level1_id, approximate: m.type === 'partial' });
    }
    for (const n of p.level2s) {
      // Holds because the errata are applied to the post-reform list.
      if (!post.communes.has(n.level2_id)) throw dataError(`merges file has commune ${n.level2_id}, not in the post-reform list`);
      sourcesOf.set(n.level2_id, n.merges);
      for (const m of n.merges) {
        // Skipped, as none is a commune of the pre-reform list: the island districts without
        // communes (3-digit ids) that became special zones, and 12 communes dissolved before
        // the list's cut-off (e.g. 07732 Xã Nham Sơn, already part of another commune).
        if (!pre.communes.has(m.old_id)) continue;
        const list = listedIn.get(m.old_id);
        if (list === undefined) listedIn.set(m.old_id, [n.level2_id]);
        else list.push(n.level2_id);
        if (m.type === 'partial') partial.add(m.old_id);
      }
    }
  }

  const communes = new Map<string, CrosswalkTarget>();
  for (const [oldCode, newCodes] of listedIn) {
    const first = newCodes[0];
    if (first === undefined) continue;
    if (newCodes.length === 1 && !partial.has(oldCode)) {
      communes.set(oldCode, { code: first, approximate: false });
    } else {
      // docs/indicator-rules.md: a split commune goes to the new commune that took over its code,
      // or else to the first new commune listing it; its figures are approximate.
      communes.set(oldCode, { code: newCodes.includes(oldCode) ? oldCode : first, approximate: true });
    }
  }

  const formedFrom = (newCode: string): FormedFromEntry[] => {
    const entries: FormedFromEntry[] = [];
    for (const m of sourcesOf.get(newCode) ?? []) {
      const old = pre.communes.get(m.old_id);
      if (old !== undefined) entries.push({ code: old.code, name: old.name, whole: m.type === 'full' });
    }
    return entries;
  };
  return { communes, listedIn, formedFrom, provinces };
}

export interface AdminUnitParts {
  pre(): PreIndex;
  post(): PostIndex;
  crosswalk(): CrosswalkIndex;
}

const copy = (list: readonly AdminUnit[] | undefined): AdminUnit[] => (list === undefined ? [] : list.slice());

/** The query API over the parts; each part is asked for only when a query needs it. */
export function createAdminUnits(parts: AdminUnitParts): AdminUnits {
  const provinces = (era: Era): ReadonlyMap<string, AdminUnit> => (era === 'pre' ? parts.pre().provinces : parts.post().provinces);
  const communes = (era: Era): ReadonlyMap<string, AdminUnit> => (era === 'pre' ? parts.pre().communes : parts.post().communes);
  return {
    unit(level: UnitLevel, code: string, era: Era) {
      switch (level) {
        case 'province':
          return provinces(era).get(code);
        case 'district':
          return era === 'pre' ? parts.pre().districts.get(code) : undefined;
        case 'commune':
          return communes(era).get(code);
      }
    },
    commune: (code, era) => communes(era).get(code),
    district: (code) => parts.pre().districts.get(code),
    province: (code, era) => provinces(era).get(code),
    provinces: (era) => [...provinces(era).values()].sort(byCode),
    communeExistsInAnyEra: (code) => parts.post().communes.has(code) || parts.pre().communes.has(code),
    childrenOf(level: UnitLevel, code: string, era: Era) {
      // `level` may be the parent's or the children's level; the parent's kind follows from
      // its code length (see AdminUnits.childrenOf).
      const parentIsProvince = code.length === 2;
      if (era === 'post') {
        return parentIsProvince && level !== 'district' ? copy(parts.post().communesOfProvince.get(code)) : [];
      }
      const pre = parts.pre();
      if (parentIsProvince) {
        return level === 'commune' ? copy(pre.communesOfProvince.get(code)) : copy(pre.districtsOfProvince.get(code));
      }
      if (code.length === 3 && level !== 'province') return copy(pre.communesOfDistrict.get(code));
      return [];
    },
    crosswalk: (oldCommuneCode) => parts.crosswalk().communes.get(oldCommuneCode),
    formedFrom: (newCommuneCode) => parts.crosswalk().formedFrom(newCommuneCode),
    successorsOf: (oldCommuneCode) => [...(parts.crosswalk().listedIn.get(oldCommuneCode) ?? [])],
    parentsOf(communeCode: string, era: Era) {
      const commune = communes(era).get(communeCode);
      if (commune === undefined) return undefined;
      const province = provinces(era).get(commune.provinceCode);
      if (province === undefined) return undefined;
      const district = commune.districtCode === undefined ? undefined : parts.pre().districts.get(commune.districtCode);
      return district === undefined ? { province } : { province, district };
    },
    provinceCrosswalk: (oldProvinceCode) => parts.crosswalk().provinces.get(oldProvinceCode),
  };
}

/** Memoises a part so that it is built at most once. */
export function once<T>(build: () => T): () => T {
  let value: { readonly v: T } | undefined;
  return () => (value ??= { v: build() }).v;
}

/** All parts from already-parsed files (tests, tools); parts are still built on first use. */
export function buildAdminUnits(pre: PreUnitsFile, post: PostUnitsFile, merges: MergesFile): AdminUnits {
  const preIndex = once(() => indexPre(pre));
  const postIndex = once(() => indexPost(post));
  return createAdminUnits({
    pre: preIndex,
    post: postIndex,
    crosswalk: once(() => indexCrosswalk(merges, preIndex(), postIndex())),
  });
}
