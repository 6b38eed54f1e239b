/**
 * An indicator definition in words, Vietnamese and English, from its vocabulary alone: what
 * `explain` prints as the rule, so that the text can never drift from what is computed.
 */
import { ABUSE_FORMS, ABUSE_SETTINGS, EVENT_TYPES, HANDLING, INJURY_CAUSES, OUTCOMES, SCHOOL_STATUS, SEX, labelOf, type CodeList } from '../model/codes.js';
import { commonText, engineText, type Message } from '../messages/index.js';
import type { Condition, IndicatorDefinition, Measure, Where } from '../indicators/schema.js';

const SOURCE: Record<Measure['of'], Message> = {
  population: engineText.sourcePopulation(),
  births: engineText.sourceBirths(),
  deaths: engineText.sourceDeaths(),
  events: engineText.sourceEvents(),
  communeFacts: engineText.sourceCommuneFacts(),
};

const WHAT: Record<string, Message> = {
  children: engineText.countChildren(),
  cases: engineText.countCases(),
  communes: engineText.countCommunes(),
  fineAmount: engineText.sumFineAmount(),
  population: engineText.sumPopulation(),
  villages: engineText.sumVillages(),
  villagesWithFacilities: engineText.sumVillagesWithFacilities(),
  childrenConsulted: engineText.sumChildrenConsulted(),
  budget: engineText.sumBudget(),
};

const LISTS: Partial<Record<Condition, { list: CodeList; name: Message }>> = {
  sex: { list: SEX, name: engineText.conditionSex() },
  schoolStatus: { list: SCHOOL_STATUS, name: engineText.conditionSchoolStatus() },
  eventType: { list: EVENT_TYPES, name: engineText.conditionEventType() },
  outcome: { list: OUTCOMES, name: engineText.conditionOutcome() },
  cause: { list: INJURY_CAUSES, name: engineText.conditionCause() },
  setting: { list: ABUSE_SETTINGS, name: engineText.conditionSetting() },
  form: { list: ABUSE_FORMS, name: engineText.conditionForm() },
  handling: { list: HANDLING, name: engineText.conditionHandling() },
};

const YES_NO: Partial<Record<Condition, Message>> = {
  birthRegistered: engineText.conditionBirthRegistered(),
  hasHealthInsurance: engineText.conditionHealthInsurance(),
  childFriendly: engineText.conditionChildFriendly(),
  hasPlayground: engineText.conditionPlayground(),
};

function age(value: { min?: number; max?: number }, months: boolean, at: Message): Message {
  if (value.min !== undefined && value.max !== undefined) return engineText.ageBetween({ min: value.min, max: value.max, months, at });
  if (value.max !== undefined) return engineText.ageUnder({ below: value.max + 1, months, at });
  return engineText.ageAtLeast({ min: value.min ?? 0, months, at });
}

function condition(key: Condition, where: Where, of: Measure['of']): Message {
  const value = where[key];
  const list = LISTS[key];
  if (list && Array.isArray(value)) {
    return engineText.conditionInList({ name: list.name, labels: value.map((code) => labelOf(list.list, code)), codes: value });
  }
  const yesNo = YES_NO[key];
  if (yesNo) return engineText.conditionYesNo({ name: yesNo, yes: value === true });
  const at = of === 'deaths' ? engineText.atDeath() : of === 'events' ? engineText.atEventDate() : engineText.atLastDay();
  switch (key) {
    case 'age':
      return age(value as { min?: number; max?: number }, false, at);
    case 'ageMonths':
      return age(value as { min?: number; max?: number }, true, at);
    case 'specialCircumstances':
      return value === 'active' ? engineText.specialCircumstancesActive() : engineText.specialCircumstancesNone();
    case 'riskGroups':
      return value === 'any' ? engineText.riskGroupsAny() : engineText.riskGroupsNone();
    case 'supportDate':
      return engineText.supportDateInPeriod();
    case 'interventions':
      return value === 'any' ? engineText.interventionsAny() : engineText.interventionsNone();
    default:
      return commonText.verbatim({ text: key });
  }
}

export function describeMeasure(measure: Measure): Message {
  const what = WHAT[measure.count ?? measure.sum ?? ''] ?? commonText.verbatim({ text: '?' });
  const conditions = (Object.keys(measure.where) as Condition[])
    .filter((key) => measure.where[key] !== undefined)
    .map((key) => condition(key, measure.where, measure.of));
  return engineText.measure({ what, source: SOURCE[measure.of], conditions });
}

export function describeRule(definition: IndicatorDefinition): Message {
  if (definition.denominator === undefined) return engineText.ruleCount();
  return engineText.ruleRatio({ factor: definition.factor ?? 1 });
}
