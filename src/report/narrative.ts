/**
 * The parts of a report only a person can write (what the committee directed, campaigns,
 * shortcomings and their causes, plans), keyed by the section numbers of the outline
 * (seed 004, Phụ lục 01). A YAML file:
 *
 *   mo-dau: Thực hiện Kế hoạch số 129/KH-UBND ngày 07/5/2025 của UBND huyện …
 *   II.1: |
 *     Ban hành Kế hoạch số 45/KH-UBND …
 *     Kiện toàn Ban Bảo vệ, chăm sóc trẻ em …
 *
 * Each line of a value is one paragraph; a line may start with "- " as officials write lists.
 * A section with neither figures nor text shows "[Nội dung do đơn vị bổ sung]".
 */
import { z } from 'zod';
import { reportText, type Message } from '../messages/index.js';
import { parseYamlFile, yamlLine } from './settings.js';

/** Every key a narrative file may have, with what it is for (shown in templates/README.md). */
export const NARRATIVE_SECTIONS = {
  'mo-dau': 'Câu mở đầu: căn cứ (kế hoạch, văn bản chỉ đạo của cấp trên)',
  'I.1': 'Tình hình kinh tế - xã hội tác động đến trẻ em',
  'I.2': 'Những vấn đề trẻ em phát sinh hoặc chưa được giải quyết',
  'II.1': 'Công tác tham mưu, chỉ đạo, giám sát, đánh giá thực hiện quyền trẻ em',
  'II.2': 'Công tác bảo vệ trẻ em: phần chung',
  'II.2.a': 'Cấp độ phòng ngừa: truyền thông, tập huấn…',
  'II.2.b': 'Cấp độ hỗ trợ',
  'II.2.c': 'Cấp độ can thiệp',
  'II.2.d': 'Phòng, chống tai nạn thương tích, đuối nước',
  'II.3': 'Công tác chăm sóc trẻ em',
  'II.4': 'Công tác giáo dục trẻ em',
  'II.5': 'Công tác văn hóa, thông tin, thể thao, du lịch cho trẻ em',
  'II.6': 'Thực hiện quyền tham gia của trẻ em',
  'II.7': 'Kết quả các dự án, chương trình, mô hình hợp tác quốc tế hoặc vận động xã hội',
  'II.8': 'Hoạt động của Quỹ Bảo trợ trẻ em',
  'II.9': 'Tổng kinh phí đầu tư cho công tác trẻ em',
  'III.1': 'So sánh kết quả, hiệu quả so với cùng kỳ',
  'III.2': 'Những tồn tại, hạn chế',
  'III.3': 'Nguyên nhân của tồn tại, hạn chế',
  'IV.1': 'Mục tiêu chung',
  'IV.2': 'Các mục tiêu cụ thể',
  'IV.3': 'Các chỉ tiêu cần đạt',
  'IV.4': 'Nội dung các chương trình, đề án, hoạt động trọng tâm',
  'IV.5': 'Dự kiến nguồn kinh phí thực hiện',
  V: 'Đề xuất, kiến nghị (mục này chỉ có khi đơn vị viết)',
} as const;

export type NarrativeKey = keyof typeof NARRATIVE_SECTIONS;
export const NARRATIVE_KEYS = Object.keys(NARRATIVE_SECTIONS) as NarrativeKey[];

export function isNarrativeKey(key: string): key is NarrativeKey {
  return Object.hasOwn(NARRATIVE_SECTIONS, key);
}

const text = z.union([yamlLine, z.array(yamlLine)]).transform((value) => {
  const all = Array.isArray(value) ? value : [value];
  return all
    .flatMap((part) => part.normalize('NFC').split(/\r?\n/))
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
});

export const NarrativeFile = z.strictObject(
  Object.fromEntries(NARRATIVE_KEYS.map((key) => [key, text.optional()])) as Record<NarrativeKey, z.ZodOptional<typeof text>>,
);

/** Paragraphs by section; a missing section has no entry. */
export type Narrative = Partial<Record<NarrativeKey, readonly string[]>>;

export function loadNarrative(file: string): Narrative {
  const parsed = parseYamlFile(file, NarrativeFile, reportText.narrativeFile());
  const narrative: Narrative = {};
  for (const key of NARRATIVE_KEYS) {
    const paragraphs = parsed[key];
    if (paragraphs && paragraphs.length > 0) narrative[key] = paragraphs;
  }
  return narrative;
}

/** "Còn 6 mục cần đơn vị bổ sung: II.1, II.7, …" after a report is written; nothing when none is left. */
export function placeholdersMessage(placeholders: readonly NarrativeKey[]): Message | undefined {
  if (placeholders.length === 0) return undefined;
  return reportText.sectionsToWrite({ keys: placeholders });
}
