/**
 * An indicator definition in words, Vietnamese and English, from its vocabulary alone: what
 * `explain` prints as the rule, so that the text can never drift from what is computed.
 */
import { ABUSE_FORMS, ABUSE_SETTINGS, EVENT_TYPES, HANDLING, INJURY_CAUSES, OUTCOMES, SCHOOL_STATUS, SEX, labelOf, type CodeList } from '../model/codes.js';
import { msg, type Message } from '../model/messages.js';
import type { Condition, IndicatorDefinition, Measure, Where } from '../indicators/schema.js';

const SOURCE: Record<Measure['of'], Message> = {
  population: msg('trẻ em dưới 16 tuổi đang có mặt tại ngày cuối kỳ (TreEm)', 'children under 16 present on the last day (TreEm)'),
  births: msg('trẻ em sinh trong kỳ (TreEm)', 'children born in the period (TreEm)'),
  deaths: msg('trẻ em tử vong trong kỳ (TreEm, Tình trạng = Tử vong)', 'children who died in the period (TreEm, status DEAD)'),
  events: msg('sự việc trong kỳ của trẻ dưới 16 tuổi tại ngày xảy ra (SuViec)', 'events in the period of children under 16 on the event date (SuViec)'),
  communeFacts: msg('dòng thông tin xã của kỳ (ThongTinXa)', 'commune facts rows of the period (ThongTinXa)'),
};

const WHAT: Record<string, Message> = {
  children: msg('số trẻ em (không trùng)', 'distinct children'),
  cases: msg('số vụ việc (không trùng)', 'distinct cases'),
  communes: msg('số xã', 'communes'),
  fineAmount: msg('tổng số tiền phạt, mỗi vụ việc một số (lớn nhất)', 'total fines, one amount per case (the largest)'),
  population: msg('tổng Dân số', 'total population'),
  villages: msg('tổng Số thôn', 'total villages'),
  villagesWithFacilities: msg('tổng Số thôn có thiết chế văn hóa thể thao cho trẻ em', 'total villages with facilities for children'),
  childrenConsulted: msg('tổng Số trẻ em từ 7 tuổi được lấy ý kiến', 'total children aged 7+ consulted'),
  budget: msg('tổng Kinh phí cho công tác trẻ em', 'total budget for child affairs'),
};

const LISTS: Partial<Record<Condition, { list: CodeList; vi: string; en: string }>> = {
  sex: { list: SEX, vi: 'giới tính', en: 'sex' },
  schoolStatus: { list: SCHOOL_STATUS, vi: 'tình trạng đi học', en: 'school status' },
  eventType: { list: EVENT_TYPES, vi: 'loại sự việc', en: 'event type' },
  outcome: { list: OUTCOMES, vi: 'hậu quả', en: 'outcome' },
  cause: { list: INJURY_CAUSES, vi: 'nguyên nhân', en: 'cause' },
  setting: { list: ABUSE_SETTINGS, vi: 'môi trường', en: 'setting' },
  form: { list: ABUSE_FORMS, vi: 'hình thức xâm hại', en: 'abuse form' },
  handling: { list: HANDLING, vi: 'xử lý', en: 'handling' },
};

const YES_NO: Partial<Record<Condition, Message>> = {
  birthRegistered: msg('Đăng ký khai sinh', 'birth registered'),
  hasHealthInsurance: msg('Thẻ BHYT', 'health insurance card'),
  childFriendly: msg('Đạt xã phù hợp với trẻ em', 'child-friendly commune'),
  hasPlayground: msg('Có điểm vui chơi cho trẻ em', 'play area for children'),
};

function range(value: { min?: number; max?: number }, unitVi: string, unitEn: string): Message {
  if (value.min !== undefined && value.max !== undefined) return msg(`từ ${value.min} đến ${value.max} ${unitVi}`, `${value.min} to ${value.max} ${unitEn}`);
  if (value.max !== undefined) return msg(`dưới ${value.max + 1} ${unitVi}`, `under ${value.max + 1} ${unitEn}`);
  return msg(`từ ${value.min} ${unitVi} trở lên`, `${value.min} ${unitEn} or more`);
}

function condition(key: Condition, where: Where, of: Measure['of']): Message {
  const value = where[key];
  const list = LISTS[key];
  if (list && Array.isArray(value)) {
    const labels = value.map((code) => labelOf(list.list, code));
    return msg(`${list.vi}: ${labels.join(' hoặc ')}`, `${list.en}: ${value.join(' or ')}`);
  }
  const yesNo = YES_NO[key];
  if (yesNo) return msg(`${yesNo.vi} = ${value === true ? 'Có' : 'Không'}`, `${yesNo.en} = ${value === true ? 'yes' : 'no'}`);
  const at = of === 'deaths' ? msg('khi tử vong', 'at death') : of === 'events' ? msg('tại ngày xảy ra', 'on the event date') : msg('tại ngày cuối kỳ', 'on the last day');
  switch (key) {
    case 'age': {
      const text = range(value as { min?: number; max?: number }, 'tuổi', 'years');
      return msg(`${text.vi} ${at.vi}`, `aged ${text.en} ${at.en}`);
    }
    case 'ageMonths': {
      const text = range(value as { min?: number; max?: number }, 'tháng tuổi', 'months');
      return msg(`${text.vi} ${at.vi}`, `aged ${text.en} ${at.en}`);
    }
    case 'specialCircumstances':
      return value === 'active'
        ? msg('có ít nhất một nhóm hoàn cảnh đặc biệt còn hiệu lực tại ngày cuối kỳ', 'at least one special-circumstance group active on the last day')
        : msg('không có nhóm hoàn cảnh đặc biệt nào còn hiệu lực tại ngày cuối kỳ', 'no special-circumstance group active on the last day');
    case 'riskGroups':
      return value === 'any' ? msg('có ít nhất một nhóm nguy cơ', 'at least one risk group') : msg('không có nhóm nguy cơ', 'no risk group');
    case 'supportDate':
      return msg('Ngày trợ giúp trong kỳ', 'support date in the period');
    case 'interventions':
      return value === 'any'
        ? msg('có ghi hình thức hỗ trợ, can thiệp', 'some support or intervention recorded')
        : msg('không ghi hình thức hỗ trợ, can thiệp', 'no support or intervention recorded');
    default:
      return msg(key, key);
  }
}

export function describeMeasure(measure: Measure): Message {
  const what = WHAT[measure.count ?? measure.sum ?? ''] ?? msg('?', '?');
  const conditions = (Object.keys(measure.where) as Condition[])
    .filter((key) => measure.where[key] !== undefined)
    .map((key) => condition(key, measure.where, measure.of));
  const source = SOURCE[measure.of];
  const tailVi = conditions.length > 0 ? `; ${conditions.map((c) => c.vi).join('; ')}` : '';
  const tailEn = conditions.length > 0 ? `; ${conditions.map((c) => c.en).join('; ')}` : '';
  return msg(`${what.vi} trong ${source.vi}${tailVi}`, `${what.en} among ${source.en}${tailEn}`);
}

export function describeRule(definition: IndicatorDefinition): Message {
  if (definition.denominator === undefined) return msg('Giá trị = tử số (số đếm)', 'Value = numerator (a count)');
  const factor = definition.factor ?? 1;
  return msg(`Giá trị = tử số ÷ mẫu số × ${factor.toLocaleString('vi-VN')}`, `Value = numerator ÷ denominator × ${factor.toLocaleString('en-US')}`);
}
