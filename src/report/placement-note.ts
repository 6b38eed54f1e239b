/**
 * What a run says where its figures start about the children's commune codes: how many children
 * of split old communes were placed approximately, and which could not be placed at all (they
 * are in no figure), per commune code as written (docs/indicator-rules.md, "Which administrative
 * unit a row belongs to"). The same words on the terminal, the page and in the document (I.1).
 */
import { msg, type Message } from '../model/messages.js';
import type { PlacementSummary } from '../model/results.js';
import { formatNumber } from './format-vi.js';

const en = new Intl.NumberFormat('en-US');

/** How many codes are named one by one; the rest are counted. */
const LISTED_CODES = 10;

function codeList(summary: PlacementSummary, lang: 'vi' | 'en'): string {
  const named = summary.unplaced.slice(0, LISTED_CODES).map((entry) => {
    const name = entry.name ? ` ${entry.name}` : '';
    return lang === 'vi' ? `mã ${entry.code}${name}: ${formatNumber(entry.children)} em` : `code ${entry.code}${name}: ${en.format(entry.children)}`;
  });
  const more = summary.unplaced.length - LISTED_CODES;
  if (more > 0) named.push(lang === 'vi' ? `và ${formatNumber(more)} mã khác` : `and ${en.format(more)} more codes`);
  return named.join('; ');
}

/** Sentences for the children not placed and those placed approximately; empty when there is nothing to say. */
export function placementNotes(summary: PlacementSummary | undefined): Message[] {
  if (summary === undefined) return [];
  const notes: Message[] = [];
  const unplaced = summary.unplaced.reduce((sum, entry) => sum + entry.children, 0);
  if (unplaced > 0) {
    notes.push(
      msg(
        `${formatNumber(unplaced)} trẻ em chưa xếp được vào đơn vị hành chính hiện nay nên không có trong số liệu (${codeList(summary, 'vi')}); xem các dòng bị loại để sửa mã xã.`,
        `${en.format(unplaced)} children could not be placed in today's administrative units and are in no figure (${codeList(summary, 'en')}); see the rejected rows to fix their commune codes.`,
      ),
    );
  }
  if (summary.approximate > 0) {
    notes.push(
      msg(
        `${formatNumber(summary.approximate)} trẻ em của xã cũ bị chia khi sắp xếp đơn vị hành chính (01/07/2025) được xếp cả vào một xã mới; số liệu liên quan là gần đúng (có thể dùng bản đồ thôn để xếp chính xác).`,
        `${en.format(summary.approximate)} children of old communes split by the 1 July 2025 reform were placed whole in one new commune; the figures they touch are approximate (a village map places them exactly).`,
      ),
    );
  }
  return notes;
}
