/**
 * The paragraphs a report writes from figures, section by section (docs/report-outline.md). Each
 * function returns the lines of one part; an empty list means "no figures here", and the
 * template then shows the narrative or the placeholder. Nothing here invents facts: every
 * sentence says a number from the results (or that there is none).
 */
import { ABUSE_FORMS, ABUSE_SETTINGS, AGE_GROUPS, INJURY_CAUSES, SPECIAL_GROUPS, type CodeList } from '../model/codes.js';
import type { BreakdownKey, TargetResult } from '../model/results.js';
import {
  countChange,
  countSentence,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRate,
  lowerFirst,
  pointChange,
  ratioSentence,
  targetClause,
  upperFirst,
  type Baseline,
  type CountComparison,
  type TargetMention,
} from './format-vi.js';
import { completenessClause } from './completeness.js';
import { placementNotes } from './placement-note.js';
import type { PlacementSummary } from '../model/results.js';
import type { Breakdown } from './result-index.js';
import type { Protection, When } from './suppress.js';
import { coreValue, type TableContext } from './tables.js';
import type { CoreFigure } from './table-spec.js';
import { areaPhrase, totalRowLabel, typeWord } from './unit-name.js';
import type { UnitFacts } from '../model/annex-contract.js';

export type { UnitFacts } from '../model/annex-contract.js';

/** What the sentences are written from: the tables' figures, plus the communes' facts. */
export interface ParagraphContext extends Pick<TableContext, 'index' | 'baseline' | 'unit' | 'subUnits' | 'subUnitsWord' | 'wording' | 'targets' | 'completeness' | 'missingListedIn'> {
  /** Facts of the communes under the unit, for the period. */
  readonly facts: readonly UnitFacts[];
  /** Under `--suppress K`: which figures may not be written as numbers (suppress.ts). */
  readonly protection?: Protection;
  /** The figures compared with last year (III.1), as the comparison table file lists them. */
  readonly coreFigures: readonly CoreFigure[];
  /** Indicator → why last year's figure cannot be rebuilt from the records (the catalogue's lastYearNote). */
  readonly lastYearNotes?: Readonly<Record<string, string>>;
  /** How the children's codes were placed (children not placed, placed approximately). */
  readonly placement?: PlacementSummary;
}

const sentence = (text: string) => `${upperFirst(text)}.`;

/**
 * A count of the report's unit as it may be written: the number, or under `--suppress K`
 * "dưới K" (a commune's count from 1 to K−1) or "một số" (a figure the tables had to hide).
 */
function countText(ctx: ParagraphContext, indicator: string, n: number | null, breakdown: Breakdown = {}, when: When = 'current'): string {
  const mark = ctx.protection?.count(indicator, ctx.unit.code, breakdown, when);
  return mark && ctx.protection ? ctx.protection.numberText(mark) : formatNumber(n);
}

/** Whether a count of the report's unit may be written as a number. */
function exact(ctx: ParagraphContext, indicator: string, breakdown: Breakdown = {}, when: When = 'current'): boolean {
  return ctx.protection?.count(indicator, ctx.unit.code, breakdown, when) === undefined;
}

/** `countSentence` for a figure that may be protected: its number as it may be written, the change only between two written figures. */
function figureSentence(ctx: ParagraphContext, indicator: string, given: Omit<CountComparison, 'shown' | 'compare'>): string {
  const comparison = { ...given, ...lastYear(ctx, indicator) };
  if (!ctx.protection) return countSentence(comparison);
  const shown = exact(ctx, indicator) ? {} : { shown: countText(ctx, indicator, comparison.current) };
  const compare = exact(ctx, indicator) && exact(ctx, indicator, {}, 'baseline');
  return countSentence({ ...comparison, ...shown, compare });
}

/** Why a share is not written under `--suppress`. */
const WITHHELD = 'không nêu số liệu để bảo vệ thông tin cá nhân của trẻ em';

function mentions(ctx: ParagraphContext, indicator: string): TargetMention[] {
  return ctx.targets
    .filter((target) => target.indicator === indicator)
    .map((target) => ({ label: target.target, status: target.status, ...(target.note ? { note: target.note } : {}) }));
}

/** Why an indicator has no figure last year, as `{ baselineNote }` for a comparison. */
function lastYear(ctx: ParagraphContext, indicator: string): { baselineNote?: string } {
  const note = ctx.baseline ? ctx.lastYearNotes?.[indicator] : undefined;
  return note ? { baselineNote: note } : {};
}

/** Last year's count; undefined when no baseline was asked for. */
function previousCount(ctx: ParagraphContext, indicator: string): Baseline {
  return ctx.baseline ? ctx.baseline.count(indicator, ctx.unit.code) : undefined;
}

function previousValue(ctx: ParagraphContext, indicator: string): Baseline {
  return ctx.baseline ? ctx.baseline.value(indicator, ctx.unit.code) : undefined;
}

/** "bạo lực 3 em, xâm hại tình dục 2 em": the non-zero breakdown values in code-list order. */
function byCode(ctx: ParagraphContext, indicator: string, key: BreakdownKey, list: CodeList, labels?: (code: string) => string): string {
  return list
    .map((entry) => ({ entry, n: ctx.index.count(indicator, ctx.unit.code, { [key]: entry.code }) ?? 0 }))
    .filter(({ n }) => n > 0)
    .map(({ entry, n }) => `${labels ? labels(entry.code) : lowerFirst(entry.label)} ${countText(ctx, indicator, n, { [key]: entry.code })} em`)
    .join(', ');
}

function sumFacts(facts: readonly UnitFacts[], field: 'population' | 'villages' | 'budget'): { total: number; units: number } | undefined {
  const present = facts.filter((fact) => fact[field] !== undefined);
  if (present.length === 0) return undefined;
  return { total: present.reduce((sum, fact) => sum + (fact[field] ?? 0), 0), units: present.length };
}

/** "10/14 xã, thị trấn" when only some units gave a fact, else "". */
function factShare(ctx: ParagraphContext, units: number): string {
  if (ctx.subUnits.length === 0 || units >= ctx.subUnits.length) return '';
  return `${formatNumber(units)}/${formatNumber(ctx.subUnits.length)} ${ctx.subUnitsWord}`;
}

/** " (theo số liệu của 10/14 xã, thị trấn)" when only some units gave a fact. */
function partial(ctx: ParagraphContext, units: number): string {
  const share = factShare(ctx, units);
  return share === '' ? '' : ` (theo số liệu của ${share})`;
}

/** I.1: population, villages, children by sex and age, special circumstances, risk. */
export function situation(ctx: ParagraphContext): string[] {
  const { index } = ctx;
  const u = ctx.unit.code;
  // Where the figures start, the reader learns how many communes they are made of, in the
  // sentence that says how many the unit has (the list is the annex's).
  const lines: string[] = [];
  const where = totalRowLabel(ctx.unit);
  const population = sumFacts(ctx.facts, 'population');
  const villages = sumFacts(ctx.facts, 'villages');
  // One "theo số liệu của 5/96 …" for both facts when the same communes gave them.
  const together = population && villages && population.units === villages.units ? factShare(ctx, population.units) : '';
  const facts: string[] = [];
  if (population) facts.push(`dân số ${formatNumber(population.total)} người${together ? '' : partial(ctx, population.units)}`);
  if (villages) facts.push(`${formatNumber(villages.total)} thôn, tổ dân phố${together ? '' : partial(ctx, villages.units)}`);
  const factsClause = facts.length === 0 ? undefined : together ? `theo số liệu của ${together}: ${facts.join('; ')}` : facts.join('; ');
  const coverage = (word?: string) => (ctx.completeness ? completenessClause(ctx.completeness, ctx.missingListedIn ?? 'Phụ lục', word) : undefined);
  // With communes missing, the facts (of the others only) follow in a sentence of their own.
  const missingSome = (ctx.completeness?.missing.length ?? 0) > 0;
  const first: string[] = [];
  if (ctx.subUnits.length > 0) {
    // "Toàn tỉnh có 96 xã, phường, đặc khu; số liệu tổng hợp từ 5/96 đơn vị; …": the 96 and the 5 in one sentence,
    // "đơn vị" only where it can mean nothing but the units just named (the nation counts communes, not its provinces).
    first.push(`${where} có ${formatNumber(ctx.subUnits.length)} ${ctx.subUnitsWord}`);
    const said = coverage(ctx.completeness?.word === ctx.subUnitsWord ? 'đơn vị' : undefined);
    if (said) first.push(said);
  } else {
    const said = coverage();
    if (said) first.push(said);
  }
  // A commune: "Toàn xã có dân số 15.051 người; 23 thôn, tổ dân phố."
  if (factsClause && !missingSome) first.push(first.length === 0 ? `${where} có ${factsClause}` : factsClause);
  if (first.length > 0) lines.push(`${upperFirst(first.join('; '))}.`);
  lines.push(...placementNotes(ctx.placement).map((note) => note.vi));
  if (factsClause && missingSome) lines.push(`${upperFirst(factsClause)}.`);

  const total = index.count('TE-0101', u);
  if (total === null) {
    lines.push('Chưa có số liệu về dân số trẻ em.');
    return lines;
  }
  const share = (n: number | null) => (n === null || total === 0 ? '' : `, chiếm ${formatPercent((n / total) * 100)}`);
  const boys = index.count('TE-0101', u, { sex: 'NAM' });
  const girls = index.count('TE-0101', u, { sex: 'NU' });
  const change = ctx.baseline ? countChange(total, previousCount(ctx, 'TE-0101'), 'em', ctx.wording.baselineLabel, lastYear(ctx, 'TE-0101').baselineNote) : '';
  lines.push(
    `Tổng số trẻ em dưới 16 tuổi tại thời điểm ${ctx.wording.toText} là ${formatNumber(total)} em (nam ${formatNumber(boys)} em${share(boys)}; nữ ${formatNumber(girls)} em${share(girls)})${change}.`,
  );
  const ages = AGE_GROUPS.map((age) => `${age.label} ${formatNumber(index.count('TE-0101', u, { ageGroup: age.code }) ?? 0)} em`);
  lines.push(`Chia theo nhóm tuổi: ${ages.join('; ')}.`);

  const special = index.count('TE-0301', u);
  if (special !== null) {
    const groups = byCode(ctx, 'TE-0301', 'group', SPECIAL_GROUPS);
    const detail = special > 0 ? ` (nam ${formatNumber(index.count('TE-0301', u, { sex: 'NAM' }))} em, nữ ${formatNumber(index.count('TE-0301', u, { sex: 'NU' }))} em)` : '';
    const which = groups ? `; trong đó: ${groups} (một trẻ em có thể thuộc nhiều nhóm)` : '';
    lines.push(`Trẻ em có hoàn cảnh đặc biệt: ${formatNumber(special)} em, chiếm ${formatPercent(index.value('TE-0301', u))} tổng số trẻ em${detail}${which}.`);
  }
  const risk = index.count('TE-0303', u);
  if (risk !== null) {
    lines.push(`Trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt: ${formatNumber(risk)} em, chiếm ${formatPercent(index.value('TE-0303', u))} tổng số trẻ em.`);
  }
  return lines;
}

function abuseClause(ctx: ParagraphContext): string {
  const cases = ctx.index.count('XH-0102', ctx.unit.code);
  const children = ctx.index.count('XH-0101', ctx.unit.code);
  if (cases === null && children === null) return 'chưa có số liệu về xâm hại trẻ em';
  if (!cases && !children) return 'không xảy ra vụ xâm hại trẻ em nào';
  return `xảy ra ${countText(ctx, 'XH-0102', cases)} vụ xâm hại trẻ em với ${countText(ctx, 'XH-0101', children)} trẻ em bị xâm hại`;
}

function injuryClause(ctx: ParagraphContext): string {
  const u = ctx.unit.code;
  const injured = ctx.index.count('TE-0304', u);
  if (injured === null) return 'chưa có số liệu về tai nạn thương tích trẻ em';
  if (injured === 0) return 'không có trẻ em bị tai nạn thương tích';
  const died = ctx.index.count('TE-0305', u) ?? 0;
  const drowned = ctx.index.count('TE-0306', u) ?? 0;
  const deaths =
    died === 0
      ? ', không có trường hợp tử vong'
      : `, trong đó ${countText(ctx, 'TE-0305', died)} em tử vong${drowned > 0 ? ` (${countText(ctx, 'TE-0306', drowned)} em tử vong do đuối nước)` : ''}`;
  return `có ${countText(ctx, 'TE-0304', injured)} trẻ em bị tai nạn thương tích${deaths}`;
}

/** I.2: the period's abuse, injuries and deaths in one paragraph. */
export function issues(ctx: ParagraphContext): string[] {
  return [`Trong ${ctx.wording.label}, ${areaPhrase(ctx.unit)} ${abuseClause(ctx)}; ${injuryClause(ctx)}.`];
}

/** II.1: communes meeting the child-friendly standard (TE-0310), when the facts exist. */
export function leadership(ctx: ParagraphContext): string[] {
  const row = ctx.index.figures('TE-0310', ctx.unit.code);
  if (!row) return [];
  if (ctx.unit.level === 'commune') {
    return [`${upperFirst(typeWord(ctx.unit))} ${row.value === 100 ? 'đã đạt' : 'chưa đạt'} tiêu chuẩn xã, phường, thị trấn phù hợp với trẻ em.`];
  }
  return [
    `Số ${ctx.subUnitsWord} đạt tiêu chuẩn xã, phường, thị trấn phù hợp với trẻ em: ${formatNumber(row.numerator)}/${formatNumber(row.denominator)} đơn vị (${formatPercent(row.value)}).`,
  ];
}

/** II.2.a: children at risk (prevention level). */
export function prevention(ctx: ParagraphContext): string[] {
  const risk = ctx.index.count('TE-0303', ctx.unit.code);
  if (risk === null) return [];
  const change = countChange(risk, previousCount(ctx, 'TE-0303'), 'em', ctx.wording.baselineLabel, lastYear(ctx, 'TE-0303').baselineNote);
  return [
    `Số trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt: ${formatNumber(risk)} em, chiếm ${formatPercent(ctx.index.value('TE-0303', ctx.unit.code))} tổng số trẻ em${change}.`,
  ];
}

/** II.2.b: children in special circumstances and the support they had (support level). */
export function support(ctx: ParagraphContext): string[] {
  const u = ctx.unit.code;
  const special = ctx.index.count('TE-0301', u);
  if (special === null) return [];
  const lines = [
    `Tổng số trẻ em có hoàn cảnh đặc biệt: ${formatNumber(special)} em, chiếm ${formatPercent(ctx.index.value('TE-0301', u))} tổng số trẻ em${countChange(special, previousCount(ctx, 'TE-0301'), 'em', ctx.wording.baselineLabel, lastYear(ctx, 'TE-0301').baselineNote)}.`,
  ];
  const supported = ctx.index.figures('TE-0302', u);
  if (supported) {
    lines.push(
      sentence(
        ratioSentence({
          subject: 'tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp trong kỳ',
          value: supported.value,
          numerator: supported.numerator,
          denominator: supported.denominator,
          unitWord: 'em',
          baseline: previousValue(ctx, 'TE-0302'),
          ...lastYear(ctx, 'TE-0302'),
          baselineLabel: ctx.wording.baselineLabel,
          targets: mentions(ctx, 'TE-0302'),
        }),
      ),
    );
  }
  return lines;
}

/** II.2.c: abuse cases, abused children, support given, sanctions (intervention level). */
export function intervention(ctx: ParagraphContext): string[] {
  const { index } = ctx;
  const u = ctx.unit.code;
  const lines: string[] = [];
  const label = ctx.wording.baselineLabel;
  const cases = index.count('XH-0102', u);
  if (cases !== null) {
    lines.push(sentence(`trong kỳ ${figureSentence(ctx, 'XH-0102', { subject: 'vụ xâm hại trẻ em', unitWord: 'vụ', current: cases, baseline: previousCount(ctx, 'XH-0102'), baselineLabel: label, targets: mentions(ctx, 'XH-0102') })}`));
  }
  const children = index.count('XH-0101', u);
  if (children !== null) {
    // The detail only when none of its figures is withheld: a share of a hidden total says too much.
    const detailShown = [{}, { sex: 'NAM' }, { sex: 'NU' }].every((breakdown) => exact(ctx, 'XH-0101', breakdown));
    const detail =
      children > 0 && detailShown
        ? ` (nam ${formatNumber(index.count('XH-0101', u, { sex: 'NAM' }))} em, nữ ${formatNumber(index.count('XH-0101', u, { sex: 'NU' }))} em; tỷ suất ${formatRate(index.value('XH-0101', u))}/100.000 trẻ em)`
        : '';
    lines.push(
      sentence(figureSentence(ctx, 'XH-0101', { subject: `trẻ em bị xâm hại${detail}`, unitWord: 'em', current: children, baseline: previousCount(ctx, 'XH-0101'), baselineLabel: label, targets: mentions(ctx, 'XH-0101') })),
    );
    if (children > 0) {
      const forms = byCode(ctx, 'XH-0101', 'form', ABUSE_FORMS);
      const settings = byCode(ctx, 'XH-0101', 'setting', ABUSE_SETTINGS);
      const parts = [forms ? `theo hình thức: ${forms}` : '', settings ? `theo môi trường xảy ra: ${settings}` : ''].filter(Boolean);
      if (parts.length > 0) lines.push(sentence(parts.join('; ')));
    }
  }
  const helped = index.figures('XH-0103', u);
  if (helped && ctx.protection?.ratio('XH-0103', u)) {
    lines.push(sentence([`tỷ lệ trẻ em bị xâm hại được hỗ trợ, can thiệp: ${WITHHELD}`, ...mentions(ctx, 'XH-0103').map(targetClause)].join('; ')));
  } else if (helped) {
    lines.push(
      sentence(
        ratioSentence({
          subject: 'tỷ lệ trẻ em bị xâm hại được hỗ trợ, can thiệp',
          value: helped.value,
          numerator: helped.numerator,
          denominator: helped.denominator,
          unitWord: 'em',
          baseline: ctx.protection?.ratio('XH-0103', u, {}, 'baseline') ? undefined : previousValue(ctx, 'XH-0103'),
          ...(ctx.protection?.ratio('XH-0103', u, {}, 'baseline') ? { compare: false } : {}),
          ...lastYear(ctx, 'XH-0103'),
          baselineLabel: label,
          targets: mentions(ctx, 'XH-0103'),
        }),
      ),
    );
  }
  const sanctioned = index.count('XH-0201', u);
  if (sanctioned !== null) {
    const fines = index.count('XH-0202', u);
    lines.push(
      sanctioned === 0
        ? 'Không có vụ xâm hại trẻ em nào bị xử phạt vi phạm hành chính.'
        : `Số vụ xâm hại trẻ em bị xử phạt vi phạm hành chính: ${countText(ctx, 'XH-0201', sanctioned)} vụ${fines !== null && exact(ctx, 'XH-0202') ? `, tổng số tiền phạt ${formatMoney(fines)}` : ''}.`,
    );
  }
  return lines;
}

/** II.2.d: injuries and deaths by cause, with the reduction targets. */
export function injuries(ctx: ParagraphContext): string[] {
  const { index } = ctx;
  const u = ctx.unit.code;
  const label = ctx.wording.baselineLabel;
  const lines: string[] = [];
  const injured = index.count('TE-0304', u);
  if (injured === null) return lines;
  const rate = injured > 0 && exact(ctx, 'TE-0304') ? ` (tỷ suất ${formatRate(index.value('TE-0304', u))}/100.000 trẻ em)` : '';
  lines.push(sentence(`trong kỳ ${figureSentence(ctx, 'TE-0304', { subject: `trẻ em bị tai nạn thương tích${rate}`, unitWord: 'em', current: injured, baseline: previousCount(ctx, 'TE-0304'), baselineLabel: label, targets: mentions(ctx, 'TE-0304') })}`));
  const causes = byCode(ctx, 'TE-0304', 'cause', INJURY_CAUSES);
  if (causes) lines.push(`Theo nguyên nhân: ${causes}.`);
  const died = index.count('TE-0305', u);
  if (died !== null) {
    lines.push(sentence(figureSentence(ctx, 'TE-0305', { subject: 'trẻ em tử vong do tai nạn thương tích', unitWord: 'em', current: died, baseline: previousCount(ctx, 'TE-0305'), baselineLabel: label, targets: mentions(ctx, 'TE-0305') })));
    const deathCauses = byCode(ctx, 'TE-0305', 'cause', INJURY_CAUSES);
    if (died > 0 && deathCauses) lines.push(`Nguyên nhân tử vong: ${deathCauses}.`);
  }
  const drowned = index.count('TE-0306', u);
  if (drowned !== null) {
    lines.push(sentence(figureSentence(ctx, 'TE-0306', { subject: 'trẻ em tử vong do đuối nước', unitWord: 'em', current: drowned, baseline: previousCount(ctx, 'TE-0306'), baselineLabel: label, targets: mentions(ctx, 'TE-0306') })));
  }
  return lines;
}

function ratioLine(ctx: ParagraphContext, indicator: string, subject: string, unitWord = 'em'): string[] {
  const row = ctx.index.figures(indicator, ctx.unit.code);
  if (!row) return [];
  return [
    sentence(
      ratioSentence({
        subject,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        unitWord,
        baseline: previousValue(ctx, indicator),
        ...lastYear(ctx, indicator),
        baselineLabel: ctx.wording.baselineLabel,
        targets: mentions(ctx, indicator),
      }),
    ),
  ];
}

/** "5,2‰ (2/385 …)" for the per-mille indicators. */
function perMilleLine(ctx: ParagraphContext, indicator: string, subject: string, what: string): string[] {
  const row = ctx.index.figures(indicator, ctx.unit.code);
  if (!row) return [];
  // Without births the rate cannot be computed: said once, with the deaths when there were some.
  if (row.value === null) {
    const deaths = row.numerator ? `; có ${formatNumber(row.numerator)} ${what} tử vong` : '';
    return [`${subject}: không tính được (không có trẻ sinh ra trong kỳ${deaths}).`];
  }
  return [`${subject}: ${formatNumber(row.value, 1)}‰ (${formatNumber(row.numerator)} ${what}/${formatNumber(row.denominator)} trẻ sinh ra trong kỳ).`];
}

/** II.3: birth registration, health insurance, and birth/death figures when present. */
export function care(ctx: ParagraphContext): string[] {
  const lines = [
    ...ratioLine(ctx, 'TE-0104', 'tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh'),
    ...ratioLine(ctx, 'TE-0105', 'tỷ lệ trẻ em dưới 6 tuổi có thẻ bảo hiểm y tế'),
  ];
  const sexRatio = ctx.index.figures('TE-0102', ctx.unit.code);
  if (sexRatio && sexRatio.value !== null) {
    lines.push(`Tỷ số giới tính khi sinh trong kỳ: ${formatNumber(sexRatio.value, 1)} bé trai/100 bé gái (${formatNumber(sexRatio.numerator)} bé trai, ${formatNumber(sexRatio.denominator)} bé gái).`);
  }
  lines.push(...perMilleLine(ctx, 'TE-0201', 'Tỷ suất chết của trẻ em dưới 1 tuổi', 'trường hợp'));
  lines.push(...perMilleLine(ctx, 'TE-0202', 'Tỷ suất chết của trẻ em dưới 5 tuổi', 'trường hợp'));
  return lines;
}

/** II.4: school attendance, when the records have it. */
export function education(ctx: ParagraphContext): string[] {
  const lines = [
    ...ratioLine(ctx, 'TE-0401', 'tỷ lệ trẻ em từ 3 đến 36 tháng tuổi đi nhà trẻ'),
    ...ratioLine(ctx, 'TE-0402', 'tỷ lệ trẻ em từ 3 đến 5 tuổi đi học mẫu giáo'),
  ];
  const dropouts = ctx.index.count('TE-0403', ctx.unit.code);
  if (dropouts !== null) lines.push(`Số trẻ em bỏ học: ${formatNumber(dropouts)} em.`);
  return lines;
}

/** II.5: cultural facilities and playgrounds (ThongTinXa). */
export function culture(ctx: ParagraphContext): string[] {
  const lines = ratioLine(ctx, 'TE-0501', 'tỷ lệ thôn, tổ dân phố có thiết chế văn hóa, thể thao dành cho trẻ em', 'thôn');
  const playground = ctx.index.figures('TE-0502', ctx.unit.code);
  if (playground) {
    lines.push(
      ctx.unit.level === 'commune'
        ? `${upperFirst(typeWord(ctx.unit))} ${playground.value === 100 ? 'có' : 'chưa có'} điểm vui chơi dành cho trẻ em.`
        : `Số ${ctx.subUnitsWord} có điểm vui chơi dành cho trẻ em: ${formatNumber(playground.numerator)}/${formatNumber(playground.denominator)} đơn vị (${formatPercent(playground.value)}).`,
    );
  }
  return lines;
}

/** II.6: children consulted (ThongTinXa). */
export function participation(ctx: ParagraphContext): string[] {
  return ratioLine(ctx, 'TE-0601', 'tỷ lệ trẻ em từ 7 tuổi trở lên được lấy ý kiến về các vấn đề liên quan đến trẻ em');
}

/** II.9: the budget of the communes' ThongTinXa rows. */
export function budget(ctx: ParagraphContext): string[] {
  const sum = sumFacts(ctx.facts, 'budget');
  if (!sum) return [];
  return [`Tổng kinh phí đầu tư cho công tác trẻ em trong kỳ: ${formatMoney(sum.total)}${partial(ctx, sum.units)}.`];
}

/** "3 em, giảm 2 em (40,0%) so với …"; under --suppress the change only between two written figures. */
function countComparison(ctx: ParagraphContext, indicator: string, current: number, previous: Baseline, unitWord: string): string {
  const change = exact(ctx, indicator) && exact(ctx, indicator, {}, 'baseline') ? countChange(current, previous, unitWord, ctx.wording.baselineLabel, lastYear(ctx, indicator).baselineNote) : '';
  return `${countText(ctx, indicator, current)} ${unitWord}${change}`;
}

function percentComparison(ctx: ParagraphContext, indicator: string, current: number, previous: Baseline): string {
  if (ctx.protection?.ratio(indicator, ctx.unit.code)) return WITHHELD;
  const withheld = ctx.protection?.ratio(indicator, ctx.unit.code, {}, 'baseline') !== undefined;
  return `${formatPercent(current)}${withheld ? '' : pointChange(current, previous, ctx.wording.baselineLabel, lastYear(ctx, indicator).baselineNote)}`;
}

/** III.1: each core figure now and last year, then the target summary. */
export function comparison(ctx: ParagraphContext): string[] {
  const lines: string[] = [];
  const label = ctx.wording.baselineLabel;
  if (!ctx.baseline) {
    lines.push(`Chưa có số liệu ${label} để so sánh.`);
  } else {
    for (const figure of ctx.coreFigures) {
      const current = coreValue(ctx.index, figure, ctx.unit.code);
      if (current === null || current === undefined) continue;
      const previous = coreValue(ctx.baseline, figure, ctx.unit.code);
      const text = figure.kind === 'count' ? countComparison(ctx, figure.indicator, current, previous, figure.unitWord) : percentComparison(ctx, figure.indicator, current, previous);
      lines.push(`- ${figure.label}: ${text}.`);
    }
  }
  const targets = ctx.targets;
  if (targets.length > 0) {
    const met = targets.filter((t) => t.status === 'met').length;
    const notMet = targets.filter((t) => t.status === 'not_met').length;
    const notOccurred = targets.filter((t) => t.status === 'not_occurred').length;
    const unknown = targets.length - met - notMet - notOccurred;
    const rest = [
      notMet > 0 ? `${notMet} chỉ tiêu chưa đạt` : '',
      notOccurred > 0 ? `${notOccurred} chỉ tiêu không phát sinh nên không đánh giá` : '',
      unknown > 0 ? `${unknown} chỉ tiêu chưa đủ số liệu để đánh giá` : '',
    ].filter(Boolean);
    lines.push(`Kết quả thực hiện các chỉ tiêu kế hoạch: đạt ${met}/${targets.length} chỉ tiêu${rest.length > 0 ? `; ${rest.join('; ')}` : ''} (chi tiết tại Biểu 05).`);
  }
  return lines;
}

function targetResultText(ctx: ParagraphContext, target: TargetResult): string {
  if (target.current === null) return '';
  if (target.baseline !== null) {
    return `: kỳ này ${countText(ctx, target.indicator, target.current)}, cùng kỳ ${countText(ctx, target.indicator, target.baseline, {}, 'baseline')}`;
  }
  if (ctx.protection?.ratio(target.indicator, ctx.unit.code)) return '';
  return `: kết quả đạt ${formatPercent(target.current)}`;
}

/** III.2: the targets not met (or that could not be judged), listed automatically. */
export function shortcomings(ctx: ParagraphContext): string[] {
  return ctx.targets
    .filter((target) => target.status !== 'met' && target.status !== 'not_occurred')
    .map((target) => {
      const label = `"${target.target.trim().replace(/[.;]+$/, '')}"`;
      const note = target.note ? ` (${target.note})` : '';
      return target.status === 'not_met'
        ? `- Chưa đạt chỉ tiêu ${label}${targetResultText(ctx, target)}${note}.`
        : `- Chưa đủ số liệu để đánh giá chỉ tiêu ${label}${note}.`;
    });
}

/** IV.3: the plan's targets, carried into the next period. */
export function nextTargets(ctx: ParagraphContext): string[] {
  const labels = [...new Set(ctx.targets.map((target) => target.target.trim().replace(/[.;]+$/, '')))];
  return labels.map((label) => `- ${label}.`);
}

export function opening(ctx: ParagraphContext, committee: string): string[] {
  return [
    `Thực hiện [[căn cứ: kế hoạch, văn bản chỉ đạo của cấp trên]], ${committee} báo cáo kết quả công tác trẻ em ${ctx.wording.label} và phương hướng nhiệm vụ ${ctx.wording.nextLabel} như sau:`,
  ];
}

export function closing(ctx: ParagraphContext, committee: string): string[] {
  return [`Trên đây là báo cáo kết quả công tác trẻ em ${ctx.wording.label} và phương hướng nhiệm vụ ${ctx.wording.nextLabel} của ${committee}./.`];
}
