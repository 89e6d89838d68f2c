// Runs in: Node (simulators). Owns: reading the CSV files of v2 contact imports (quoted fields, CRLF)
// and the `file` part of a multipart upload.

/** Parses CSV into rows of cells; quotes may wrap commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** The `file` part of a multipart/form-data body, or undefined when missing or without a filename. */
export function multipartFile(
  contentType: string,
  raw: Buffer,
): { filename: string; data: Buffer } | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return undefined;
  const text = raw.toString('latin1');
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const disp = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    if (!/name="file"/i.test(disp)) continue;
    const filename = /filename="([^"]*)"/i.exec(disp)?.[1];
    if (!filename) return undefined;
    const body = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    return { filename, data: Buffer.from(body, 'latin1') };
  }
  return undefined;
}
