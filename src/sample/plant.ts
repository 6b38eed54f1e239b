import { sampleText, type Message } from '../messages/index.js';
import { addDays, dayNumber, isoOfDay, maxIso, minIso } from './dates.js';
import { caseIdOf, childIdOf, communeCodeAt, type CommuneData, type SampleData } from './generate.js';
import type { Cell } from './layout.js';
import { HRE, KINH, XO_DANG, personName } from './names.js';
import { Rng } from './prng.js';
import type { SampleChild, SampleEvent } from './truth.js';

/**
 * The messiness a demo needs: a few bad rows, planted on purpose so that validation has
 * something to show. Every planted row is an extra row; the valid records stay as generated,
 * so the true totals are those of the valid records (plus the one planted row that is valid).
 */

export type PlantOutcome = 'rejected' | 'warning' | 'skipped';

export interface PlantedRow {
  readonly tag: string;
  /** Index of the commune (file) the row is written to. */
  readonly file: number;
  readonly sheet: 'TreEm' | 'SuViec';
  /** Index among the file's valid rows before which the row is inserted (Infinity: at the end). */
  readonly position: number;
  readonly record?: SampleChild | SampleEvent;
  /** Cells written instead of the record's own (by column key). */
  readonly overrides?: Readonly<Record<string, Cell>>;
  readonly note?: string;
  readonly total?: boolean;
  /** Column the error is in (key), for the README. */
  readonly column?: string;
  readonly outcome: PlantOutcome;
  readonly what: Message;
}

export interface Planting {
  readonly rows: readonly PlantedRow[];
  /** Planted rows that are valid and count (an event whose child is not in TreEm). */
  readonly validEvents: readonly SampleEvent[];
}

/** Preferred file of each planted error when all 14 communes are generated. */
const PREFERRED = {
  movedWithoutDate: 1,
  badDate: 2,
  unknownCommune: 3,
  totalRow: 4,
  missingBirthDate: 5,
  badSex: 6,
  duplicateOriginal: 7,
  duplicateCopy: 8,
  eventBeforeBirth: 10,
  childNotInRegister: 11,
  abuseWithoutForm: 12,
  eventAfterDeath: 13,
} as const;

const ETHNICITIES = [KINH, HRE, XO_DANG];

function randomDate(rng: Rng, from: string, to: string): string {
  return isoOfDay(rng.int(dayNumber(from), dayNumber(to)));
}

export interface PlantOptions {
  /** A commune code unknown in both the old and the new list. */
  readonly unknownCommuneCode: string;
  /** A commune of another district: where the child missing from TreEm is registered. */
  readonly outsideCommuneCode: string;
}

export function plantErrors(seed: number, data: SampleData, options: PlantOptions): Planting {
  const rng = new Rng(seed, 'planted');
  const count = data.communes.length;
  const fileOf = (preferred: number): number => Math.min(preferred, count - 1);
  const communeAt = (index: number): CommuneData => data.communes[index]!;
  const rows: PlantedRow[] = [];
  const validEvents: SampleEvent[] = [];
  const positionIn = (length: number): number => (length < 2 ? length : rng.int(1, length - 1));

  // Fresh ids continue each commune's numbering; case ids continue each commune-year's.
  const nextSeq = new Map<number, number>();
  const freshChildId = (file: number): string => {
    const seq = nextSeq.get(file) ?? communeAt(file).children.length + 1;
    nextSeq.set(file, seq + 1);
    return childIdOf(communeAt(file).commune.code, seq);
  };
  const caseSeq = new Map<string, number>();
  for (const commune of data.communes) {
    for (const event of commune.events) {
      const key = event.caseId.slice(0, event.caseId.lastIndexOf('-'));
      const seq = Number(event.caseId.slice(event.caseId.lastIndexOf('-') + 1));
      caseSeq.set(key, Math.max(caseSeq.get(key) ?? 0, seq));
    }
  }
  const freshCaseId = (communeCode: string, date: string): string => {
    const year = date.slice(0, 4);
    const key = `VV-${communeCode}-${year}`;
    const seq = (caseSeq.get(key) ?? 0) + 1;
    caseSeq.set(key, seq);
    return caseIdOf(communeCode, year, seq);
  };

  /** A plausible extra child of a commune: a new name on a copy of a plain child's profile. */
  const extraChild = (file: number): SampleChild => {
    const commune = communeAt(file);
    const plain = commune.children.filter(
      (child) => child.status === 'ACTIVE' && child.specialGroups.length === 0 && child.dateOfBirth < '2023-01-01',
    );
    const template = rng.pick(plain);
    const ethnicity = ETHNICITIES.find((entry) => entry.name === template.ethnicity) ?? HRE;
    const { personalId: _personalId, ...rest } = template;
    return {
      ...rest,
      childId: freshChildId(file),
      fullName: personName(rng, ethnicity, template.sex === 'NAM'),
      riskGroups: [],
      supportForms: [],
    };
  };

  const eventFor = (file: number, child: SampleChild, date: string, fields: Partial<SampleEvent>): SampleEvent => {
    const commune = communeAt(file).commune;
    const communeCode = communeCodeAt(commune, date);
    return {
      caseId: freshCaseId(communeCode, date),
      childId: child.childId,
      sex: child.sex,
      dateOfBirth: child.dateOfBirth,
      communeCode,
      eventType: 'TNTT',
      eventDate: date,
      abuseForms: [],
      interventions: [],
      ...fields,
    };
  };

  const childrenLength = (file: number): number => communeAt(file).children.length;
  const eventsLength = (file: number): number => communeAt(file).events.length;

  // TreEm ------------------------------------------------------------------------------------
  {
    const file = fileOf(PREFERRED.movedWithoutDate);
    const child = extraChild(file);
    rows.push({
      tag: 'E01',
      file,
      sheet: 'TreEm',
      position: positionIn(childrenLength(file)),
      record: { ...child, status: 'MOVED' },
      column: 'statusDate',
      outcome: 'rejected',
      what: sampleText.plantedMovedWithoutDate(),
    });
  }
  {
    const file = fileOf(PREFERRED.unknownCommune);
    const child = extraChild(file);
    rows.push({
      tag: 'E02',
      file,
      sheet: 'TreEm',
      position: positionIn(childrenLength(file)),
      record: child,
      overrides: { communeCode: options.unknownCommuneCode },
      column: 'communeCode',
      outcome: 'rejected',
      what: sampleText.plantedCommuneTypo(),
    });
  }
  {
    const file = fileOf(PREFERRED.missingBirthDate);
    rows.push({
      tag: 'E03',
      file,
      sheet: 'TreEm',
      position: positionIn(childrenLength(file)),
      record: extraChild(file),
      overrides: { dateOfBirth: null },
      column: 'dateOfBirth',
      outcome: 'rejected',
      what: sampleText.plantedBirthDateBlank(),
    });
  }
  {
    const file = fileOf(PREFERRED.badSex);
    rows.push({
      tag: 'E04',
      file,
      sheet: 'TreEm',
      position: positionIn(childrenLength(file)),
      record: extraChild(file),
      overrides: { sex: 'X' },
      column: 'sex',
      outcome: 'rejected',
      what: sampleText.plantedSexNotValid(),
    });
  }
  {
    const copyFile = fileOf(PREFERRED.duplicateCopy);
    const originalFile = count > 1 ? Math.min(PREFERRED.duplicateOriginal, copyFile - 1) : copyFile;
    const original = communeAt(originalFile);
    const candidates = original.children.filter(
      (child) => child.status === 'ACTIVE' && child.specialGroups.length === 0 && child.dateOfBirth < '2020-01-01',
    );
    const child = rng.pick(candidates);
    const target = communeAt(copyFile);
    rows.push({
      tag: 'E05',
      file: copyFile,
      sheet: 'TreEm',
      // In the same file the copy must come after the original to be the one rejected.
      position: copyFile === originalFile ? Number.POSITIVE_INFINITY : positionIn(childrenLength(copyFile)),
      record: {
        ...child,
        communeCode: target.commune.code,
        village: rng.pick(target.villages),
        riskGroups: [],
        supportForms: [],
      },
      note: `Chuyển đến từ ${original.commune.name}`,
      column: 'childId',
      outcome: 'rejected',
      what: sampleText.plantedChildRepeated({ childId: child.childId, name: original.commune.name }),
    });
  }
  {
    const file = fileOf(PREFERRED.totalRow);
    rows.push({
      tag: 'T01',
      file,
      sheet: 'TreEm',
      position: Number.POSITIVE_INFINITY,
      total: true,
      outcome: 'skipped',
      what: sampleText.plantedTotalRow(),
    });
  }

  // SuViec -----------------------------------------------------------------------------------
  const eligible = (file: number, date: string, minAge: number, maxAge: number, sex?: string): SampleChild[] =>
    communeAt(file).children.filter((child) => {
      if (child.dateOfBirth >= date) return false;
      const age = Number(date.slice(0, 4)) - Number(child.dateOfBirth.slice(0, 4)) - 1;
      if (age < minAge || age > maxAge) return false;
      if (sex !== undefined && child.sex !== sex) return false;
      return child.status === 'ACTIVE';
    });
  {
    const file = fileOf(PREFERRED.badDate);
    const nominal = randomDate(rng, '2025-02-01', '2025-02-27');
    const child = rng.pick(eligible(file, nominal, 3, 12));
    rows.push({
      tag: 'E06',
      file,
      sheet: 'SuViec',
      position: positionIn(eventsLength(file)),
      record: eventFor(file, child, nominal, { injuryCause: 'NGA', outcome: 'THUONG_TICH', interventions: ['HO_TRO_Y_TE'] }),
      overrides: { eventDate: '31/02/2025' },
      column: 'eventDate',
      outcome: 'rejected',
      what: sampleText.plantedEventDateImpossible(),
    });
  }
  {
    const file = fileOf(PREFERRED.eventBeforeBirth);
    const babies = communeAt(file).children.filter(
      (child) => child.status === 'ACTIVE' && child.dateOfBirth >= '2024-09-01' && child.dateOfBirth <= '2025-05-31',
    );
    const child = rng.pick(babies);
    // The year typed wrong: a scald dated a year too early, before the baby was born.
    const date = maxIso('2024-01-01', addDays(child.dateOfBirth, -rng.int(30, 200)));
    rows.push({
      tag: 'E07',
      file,
      sheet: 'SuViec',
      position: positionIn(eventsLength(file)),
      record: eventFor(file, child, date, { injuryCause: 'BONG', outcome: 'THUONG_TICH', interventions: ['HO_TRO_Y_TE'] }),
      column: 'eventDate',
      outcome: 'rejected',
      what: sampleText.plantedEventBeforeBirth(),
    });
  }
  {
    const file = fileOf(PREFERRED.childNotInRegister);
    const date = randomDate(rng, '2025-02-01', '2025-06-20');
    const visitor: SampleChild = {
      childId: childIdOf(options.outsideCommuneCode, rng.int(100, 1500)),
      fullName: '-',
      dateOfBirth: randomDate(rng, '2012-01-01', '2016-12-28'),
      sex: 'NAM',
      provinceCode: '51',
      communeCode: options.outsideCommuneCode,
      birthRegistered: true,
      hasHealthInsurance: true,
      specialGroups: [],
      riskGroups: [],
      supportForms: [],
      status: 'ACTIVE',
    };
    const event = eventFor(file, visitor, date, {
      injuryCause: 'GIAO_THONG',
      outcome: 'THUONG_TICH',
      interventions: ['HO_TRO_Y_TE'],
    });
    validEvents.push(event);
    rows.push({
      tag: 'E08',
      file,
      sheet: 'SuViec',
      position: positionIn(eventsLength(file)),
      record: event,
      column: 'childId',
      outcome: 'warning',
      what: sampleText.plantedChildFromElsewhere(),
    });
  }
  {
    const file = fileOf(PREFERRED.abuseWithoutForm);
    const date = randomDate(rng, '2025-03-01', '2025-05-31');
    const child = rng.pick(eligible(file, date, 12, 15, 'NU'));
    rows.push({
      tag: 'E09',
      file,
      sheet: 'SuViec',
      position: positionIn(eventsLength(file)),
      record: eventFor(file, child, date, {
        eventType: 'XAM_HAI',
        abuseSetting: 'CONG_DONG',
        interventions: ['TU_VAN_TAM_LY'],
        handling: 'DANG_XU_LY',
      }),
      column: 'abuseForms',
      outcome: 'rejected',
      what: sampleText.plantedAbuseWithoutForm(),
    });
  }
  {
    const preferred = fileOf(PREFERRED.eventAfterDeath);
    // Any commune with a child who died before mid-2025 will do; the preferred one first.
    const order = [preferred, ...data.communes.map((_, i) => count - 1 - i).filter((i) => i !== preferred)];
    for (const file of order) {
      const dead = communeAt(file).children.filter(
        (child) => child.status === 'DEAD' && child.statusDate !== undefined && child.statusDate <= '2025-05-31',
      );
      if (dead.length === 0) continue;
      const child = rng.pick(dead);
      const date = minIso('2025-12-31', addDays(child.statusDate ?? '2025-01-01', rng.int(10, 60)));
      rows.push({
        tag: 'E10',
        file,
        sheet: 'SuViec',
        position: positionIn(eventsLength(file)),
        record: eventFor(file, child, date, { injuryCause: 'NGA', outcome: 'THUONG_TICH' }),
        column: 'eventDate',
        outcome: 'rejected',
        what: sampleText.plantedEventAfterDeath(),
      });
      break;
    }
  }
  return { rows, validEvents };
}
