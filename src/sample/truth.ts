import type { Child, ChildEvent, CommuneFacts } from '../model/records.js';
import { ageAt } from './dates.js';
import type { Window } from './periods.js';

/**
 * The sample's own records (what a correct importer accepts) and the figures they hold,
 * counted straight from docs/indicator-rules.md so that the README can state what `compute`
 * should print. Written independently of src/engine on purpose: it is the check, not a copy.
 */

export type SampleChild = Omit<Child, 'source'>;
export type SampleEvent = Omit<ChildEvent, 'source'>;
export type SampleFacts = Omit<CommuneFacts, 'source'>;

/** Born by R, under 16 at R, and not moved away or dead by R. */
export function inPopulation(child: SampleChild, reference: string): boolean {
  if (child.dateOfBirth > reference) return false;
  if (ageAt(child.dateOfBirth, reference) >= 16) return false;
  if (child.status !== 'ACTIVE' && child.statusDate !== undefined && child.statusDate <= reference) return false;
  return true;
}

export function specialAt(child: SampleChild, reference: string): boolean {
  return (
    child.specialGroups.length > 0 &&
    (child.specialSince === undefined || child.specialSince <= reference) &&
    (child.specialUntil === undefined || child.specialUntil > reference)
  );
}

export interface PeriodTotals {
  readonly period: Window;
  /** TE-0101 */
  readonly children: number;
  readonly boys: number;
  readonly girls: number;
  /** TE-0104 numerator / denominator */
  readonly under5Registered: number;
  readonly under5: number;
  /** TE-0105 */
  readonly under6Insured: number;
  readonly under6: number;
  /** TE-0301, TE-0302 */
  readonly special: number;
  readonly specialDisability: number;
  readonly specialSupported: number;
  /** TE-0303 */
  readonly atRisk: number;
  /** TE-0304, TE-0305, TE-0306 */
  readonly injuredChildren: number;
  readonly injuryDeaths: number;
  readonly drowningDeaths: number;
  /** XH-0101, XH-0102, XH-0103, XH-0201, XH-0202 */
  readonly abusedChildren: number;
  readonly abuseCases: number;
  readonly abusedSupported: number;
  readonly fineCases: number;
  readonly fineTotal: number;
  /** TAO_HON events (no core indicator; listed for completeness). */
  readonly childMarriages: number;
  /** TE-0102 inputs: births in W by sex. */
  readonly births: number;
  readonly birthsBoys: number;
  readonly birthsGirls: number;
  /** TE-0201 / TE-0202 numerators: deaths in W (status DEAD, status date in W). */
  readonly deathsUnder1: number;
  readonly deathsUnder5: number;
  /** TE-0403 */
  readonly dropouts: number;
}

const inWindow = (date: string, window: Window): boolean => date >= window.from && date <= window.to;

export function periodTotals(
  children: readonly SampleChild[],
  events: readonly SampleEvent[],
  period: Window,
): PeriodTotals {
  const reference = period.to;
  const population = children.filter((child) => inPopulation(child, reference));
  const age = (child: SampleChild): number => ageAt(child.dateOfBirth, reference);
  const under5 = population.filter((child) => age(child) < 5);
  const under6 = population.filter((child) => age(child) < 6);
  const special = population.filter((child) => specialAt(child, reference));
  const byId = new Map(children.map((child) => [child.childId, child]));

  // Events count for children under 16 on the event date; the register's birth date wins.
  const counted = events.filter((event) => {
    if (!inWindow(event.eventDate, period)) return false;
    const birth = byId.get(event.childId)?.dateOfBirth ?? event.dateOfBirth;
    return birth === undefined || ageAt(birth, event.eventDate) < 16;
  });
  const distinctChildren = (list: readonly SampleEvent[]): number => new Set(list.map((event) => event.childId)).size;
  const injuries = counted.filter((event) => event.eventType === 'TNTT');
  const deaths = injuries.filter((event) => event.outcome === 'TU_VONG');
  const abuse = counted.filter((event) => event.eventType === 'XAM_HAI');
  const supported = new Set(abuse.filter((event) => event.interventions.length > 0).map((event) => event.childId));
  const fined = abuse.filter((event) => event.handling === 'XU_PHAT_HC');
  const finePerCase = new Map<string, number>();
  for (const event of fined) {
    finePerCase.set(event.caseId, Math.max(finePerCase.get(event.caseId) ?? 0, event.fineAmount ?? 0));
  }
  const births = children.filter((child) => inWindow(child.dateOfBirth, period));
  const deathsInWindow = children.filter(
    (child) => child.status === 'DEAD' && child.statusDate !== undefined && inWindow(child.statusDate, period),
  );
  const ageAtDeath = (child: SampleChild): number => ageAt(child.dateOfBirth, child.statusDate ?? reference);

  return {
    period,
    children: population.length,
    boys: population.filter((child) => child.sex === 'NAM').length,
    girls: population.filter((child) => child.sex === 'NU').length,
    under5Registered: under5.filter((child) => child.birthRegistered === true).length,
    under5: under5.length,
    under6Insured: under6.filter((child) => child.hasHealthInsurance === true).length,
    under6: under6.length,
    special: special.length,
    specialDisability: special.filter((child) => child.specialGroups.includes('HCDB04')).length,
    specialSupported: special.filter((child) => child.supportDate !== undefined && inWindow(child.supportDate, period))
      .length,
    atRisk: population.filter((child) => child.riskGroups.length > 0 && !specialAt(child, reference)).length,
    injuredChildren: distinctChildren(injuries),
    injuryDeaths: distinctChildren(deaths),
    drowningDeaths: distinctChildren(deaths.filter((event) => event.injuryCause === 'DUOI_NUOC')),
    abusedChildren: distinctChildren(abuse),
    abuseCases: new Set(abuse.map((event) => event.caseId)).size,
    abusedSupported: supported.size,
    fineCases: finePerCase.size,
    fineTotal: [...finePerCase.values()].reduce((sum, amount) => sum + amount, 0),
    childMarriages: distinctChildren(counted.filter((event) => event.eventType === 'TAO_HON')),
    births: births.length,
    birthsBoys: births.filter((child) => child.sex === 'NAM').length,
    birthsGirls: births.filter((child) => child.sex === 'NU').length,
    deathsUnder1: deathsInWindow.filter((child) => ageAtDeath(child) < 1).length,
    deathsUnder5: deathsInWindow.filter((child) => ageAtDeath(child) < 5).length,
    dropouts: population.filter((child) => child.schoolStatus === 'BO_HOC').length,
  };
}
