/** Dates as officials write them: yyyy-mm-dd inside, dd/mm/yyyy in messages and documents. */
export function formatDmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
