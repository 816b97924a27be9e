// Money is integer fen, points are integers, times are ISO-8601 UTC (DESIGN §2); shown in the reader's time zone.

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${sign}¥${Math.floor(abs / 100)}${cents ? '.' + String(cents).padStart(2, '0') : ''}`;
}

export function yuanExact(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function signed(n: number): string {
  return (n > 0 ? '+' : '') + count(n);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function day(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function minute(iso: string): string {
  const d = new Date(iso);
  return `${day(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "88", "88.5" or "88.50" yuan as fen; null for anything else (negative, three decimals, letters). */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,8})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}
