export { REFORM_DATE, eraAt } from './types.js';
export type { AdminUnit, AdminUnits, CrosswalkTarget, Era, FormedFromEntry, UnitLevel } from './types.js';
export { loadAdminUnits } from './load.js';
