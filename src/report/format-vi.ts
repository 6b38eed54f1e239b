/**
 * Numbers, dates and comparison sentences as Vietnamese official documents write them:
 * "1.234", "12,5%", "40,5/100.000 trẻ em", "ngày 05 tháng 6 năm 2025", "15/06/2025", and
 * "…, giảm 2 em (40,0%) so với cùng kỳ năm 2024; đạt chỉ tiêu …".
 *
 * Written by hand rather than with Intl so that the output never depends on the ICU data of
 * the machine that runs it.
 */
import type { TargetStatus } from '../model/results.js';

export { DASH, roundTo, formatNumber, formatNumberIn } from '../model/numbers.js';
import { DASH, formatNumber, roundTo } from '../model/numbers.js';

/** A value already multiplied by 100: 12.5 → "12,5%". */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  const text = formatNumber(value, decimals);
  return text === DASH ? DASH : `${text}%`;
}

/** A rate per 100.000 (or ‰): one decimal, no unit. */
export function formatRate(value: number | null | undefined): string {
  return formatNumber(value, 1);
}

export function formatMoney(value: number | null | undefined): string {
  const text = formatNumber(value, 0);
  return text === DASH ? DASH : `${text} đồng`;
}

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

function splitIso(iso: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** "2025-06-05" → "05/06/2025". */
export function formatDate(iso: string): string {
  const { y, m, d } = splitIso(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/**
 * "2025-06-05" → "ngày 05 tháng 6 năm 2025". Decree 30/2020 pads days below 10 and the months
 * 01 and 02 (so that nothing can be written in front of them), and no other month.
 */
export function formatDateWords(iso: string): string {
  const { y, m, d } = splitIso(iso);
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** First letter in lower case, for a label used inside a sentence. */
export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/**
 * A title with its last two words joined by a no-break space: wrapped, it never leaves one
 * word alone on its last line ("…THỰC HIỆN CHỈ / TIÊU" becomes "…THỰC HIỆN / CHỈ TIÊU").
 */
export function keepLastWordsTogether(text: string): string {
  return text.replace(/ +(\S+)\s*$/u, '\u00a0$1');
}

export function upperFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** A target and its status, as a clause after a figure: "đạt chỉ tiêu …". */
export interface TargetMention {
  readonly label: string;
  readonly status: TargetStatus;
  readonly note?: string;
}

export function targetClause(target: TargetMention): string {
  const label = lowerFirst(target.label.trim().replace(/[.;]+$/, ''));
  const note = target.note ? ` (${target.note})` : '';
  if (target.status === 'met') return `đạt chỉ tiêu ${label}${note}`;
  if (target.status === 'not_met') return `chưa đạt chỉ tiêu ${label}${note}`;
  // Said after "… cũng không có trường hợp nào": why the target is not judged, without saying the zeros again.
  if (target.status === 'not_occurred') return `không phát sinh nên không đánh giá chỉ tiêu ${label}${note}`;
  return `chưa đủ số liệu để đánh giá chỉ tiêu ${label}${note}`;
}

export function targetStatusText(status: TargetStatus): string {
  if (status === 'met') return 'Đạt';
  if (status === 'not_met') return 'Chưa đạt';
  if (status === 'not_occurred') return 'Không phát sinh';
  return 'Chưa đủ số liệu';
}

/**
 * The baseline of a comparison: `undefined` when the run did not ask for one (nothing to
 * compare with is never taken for zero), `null` when it was asked for and has no figure.
 */
export type Baseline = number | null | undefined;

export interface CountComparison {
  /** What is counted, as it reads after a number: "trẻ em tử vong do tai nạn thương tích", "vụ xâm hại trẻ em". */
  readonly subject: string;
  /** The word for a difference: "em" for children, "vụ" for cases. */
  readonly unitWord: string;
  readonly current: number | null;
  readonly baseline: Baseline;
  /** "cùng kỳ năm 2024" or "năm 2024". */
  readonly baselineLabel: string;
  readonly targets?: readonly TargetMention[];
  /** The number as it may be written ("dưới 3" under --suppress) instead of `current`. */
  readonly shown?: string;
  /** False when the change must not be written (a figure of the two is hidden). */
  readonly compare?: boolean;
  /** Why last year's figure does not exist, when the catalogue says so. */
  readonly baselineNote?: string;
}

/**
 * "có 3 trẻ em tử vong do tai nạn thương tích, giảm 2 em (40,0%) so với cùng kỳ năm 2024;
 * đạt chỉ tiêu giảm ít nhất 10% …". Starts in lower case: the caller writes what comes before.
 */
export function countSentence(c: CountComparison): string {
  const head =
    c.current === null
      ? `chưa có số liệu về ${c.subject}`
      : c.current === 0
        ? `không có ${c.subject}`
        : `có ${c.shown ?? formatNumber(c.current)} ${c.subject}`;
  const change = c.current === null || c.compare === false ? '' : countChange(c.current, c.baseline, c.unitWord, c.baselineLabel, c.baselineNote);
  return withTargets(`${head}${change}`, c.targets);
}

/**
 * No comparison: "chưa có" when the run asked for no baseline, "không có" when it did and
 * last year has no figure (with the catalogue's reason when there is one).
 */
function noComparison(baseline: null | undefined, baselineLabel: string, note: string | undefined): string {
  if (baseline === undefined) return `, chưa có số liệu ${baselineLabel} để so sánh`;
  return `, không có số liệu ${baselineLabel}${note ? ` (${note})` : ' để so sánh'}`;
}

/**
 * ", giảm 2 em (40,0%) so với cùng kỳ năm 2024"; from a zero baseline a change in number only
 * (", tăng từ 0 lên 12 em so với …": a percentage of nothing means nothing).
 */
export function countChange(current: number, baseline: Baseline, unitWord: string, baselineLabel: string, note?: string): string {
  if (baseline === undefined || baseline === null) return noComparison(baseline, baselineLabel, note);
  const difference = current - baseline;
  if (difference === 0) {
    return current === 0 ? `, ${baselineLabel} cũng không có trường hợp nào` : `, bằng ${baselineLabel}`;
  }
  if (baseline === 0) return `, tăng từ 0 lên ${formatNumber(current)} ${unitWord} so với ${baselineLabel}`;
  const word = difference > 0 ? 'tăng' : 'giảm';
  const amount = `${formatNumber(Math.abs(difference))} ${unitWord}`;
  const percent = formatPercent((Math.abs(difference) / baseline) * 100);
  return `, ${word} ${amount} (${percent}) so với ${baselineLabel}`;
}

export interface RatioComparison {
  /** "tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh". */
  readonly subject: string;
  /** Already × 100; null when there is nobody in the denominator. */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** "em": the word after "numerator/denominator". */
  readonly unitWord: string;
  readonly baseline: Baseline;
  readonly baselineLabel: string;
  readonly targets?: readonly TargetMention[];
  /** False when the change must not be written (last year's figure is withheld). */
  readonly compare?: boolean;
  /** Why last year's figure does not exist, when the catalogue says so. */
  readonly baselineNote?: string;
}

/**
 * "tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh đạt 98,5% (1.230/1.249 em), tăng 1,2 điểm
 * phần trăm so với cùng kỳ năm 2024; chưa đạt chỉ tiêu …".
 */
export function ratioSentence(c: RatioComparison): string {
  if (c.value === null) {
    const reason = c.denominator === 0 ? `không có ${c.unitWord === 'em' ? 'trẻ em' : c.unitWord} thuộc diện` : 'chưa có số liệu';
    return withTargets(`${c.subject}: ${reason}`, c.targets);
  }
  const share =
    c.numerator !== null && c.denominator !== null
      ? ` (${formatNumber(c.numerator)}/${formatNumber(c.denominator)} ${c.unitWord})`
      : '';
  const change = c.compare === false ? '' : pointChange(c.value, c.baseline, c.baselineLabel, c.baselineNote);
  return withTargets(`${c.subject} đạt ${formatPercent(c.value)}${share}${change}`, c.targets);
}

/** ", tăng 1,2 điểm phần trăm so với …": only between two rates that exist. */
export function pointChange(current: number, baseline: Baseline, baselineLabel: string, note?: string): string {
  if (baseline === undefined || baseline === null) return noComparison(baseline, baselineLabel, note);
  const difference = roundTo(current, 1) - roundTo(baseline, 1);
  if (roundTo(difference, 1) === 0) return `, bằng ${baselineLabel}`;
  const word = difference > 0 ? 'tăng' : 'giảm';
  return `, ${word} ${formatNumber(Math.abs(difference), 1)} điểm phần trăm so với ${baselineLabel}`;
}

function withTargets(sentence: string, targets: readonly TargetMention[] | undefined): string {
  if (!targets || targets.length === 0) return sentence;
  return `${sentence}; ${targets.map(targetClause).join('; ')}`;
}
