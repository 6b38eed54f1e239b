/**
 * Page setup of Decree 30/2020/NĐ-CP, Appendix I, in docx units (twips = 1/20 pt, half-points
 * for font sizes). A4 is given by its exact numbers: converting 210 mm floors to 11905.
 */

export const A4 = { width: 11906, height: 16838 } as const;

/** 20 mm top and bottom, 30 mm left, 15 mm right (the decree's minimums, as most offices use). */
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 } as const;

export const PORTRAIT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const LANDSCAPE_WIDTH = A4.height - MARGIN.left - MARGIN.right;

export const FONT = 'Times New Roman';
export const LANGUAGE = 'vi-VN';

/** Points to docx half-points. */
export const pt = (points: number): number => Math.round(points * 2);

/** First-line indent of body paragraphs: 1 cm. */
export const FIRST_LINE = 567;
/** 6 pt after each paragraph. */
export const AFTER = 120;
/** Line spacing 1.15 (single is 240). */
export const LINE = 276;
