/**
 * Excel's own limits (read and written alike): no cell of more than 32,767 characters, no
 * sheet wider than 16,384 columns (XFD) or longer than 1,048,576 rows.
 */
export const EXCEL_LIMITS = { cellChars: 32_767, columns: 16_384, rows: 1_048_576 } as const;
