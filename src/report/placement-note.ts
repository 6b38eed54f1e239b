/**
 * What a run says where its figures start about the children's commune codes: how many children
 * of split old communes were placed approximately, and which could not be placed at all (they
 * are in no figure), per commune code as written (docs/indicator-rules.md, "Which administrative
 * unit a row belongs to"). The same words on the terminal, the page and in the document (I.1).
 */
import { reportText, type Message } from '../messages/index.js';
import type { PlacementSummary } from '../model/results.js';

/** Sentences for the children not placed and those placed approximately; empty when there is nothing to say. */
export function placementNotes(summary: PlacementSummary | undefined): Message[] {
  if (summary === undefined) return [];
  const notes: Message[] = [];
  const unplaced = summary.unplaced.reduce((sum, entry) => sum + entry.children, 0);
  if (unplaced > 0) notes.push(reportText.childrenNotPlaced({ children: unplaced, codes: summary.unplaced }));
  if (summary.approximate > 0) notes.push(reportText.childrenPlacedApproximately({ children: summary.approximate }));
  return notes;
}
