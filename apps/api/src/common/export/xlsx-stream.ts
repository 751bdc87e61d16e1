import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

/** Bytes waiting in exceljs' sheet → zip pipes above which writing pauses. */
const XLSX_BACKLOG_BYTES = 1 << 20;

/** A cell of a streamed sheet. */
export type XlsxCell = string | number | boolean | Date | null;

/**
 * Streams one sheet as an XLSX workbook to `output` (exceljs WorkbookWriter, no shared strings,
 * no styles), one committed row at a time, pausing on back-pressure after each batch: memory
 * stays flat whatever the number of rows. The pattern of the survey answers export
 * (`survey-export.service.ts`), for any export that comes in batches.
 * @param output the HTTP response (or any writable); ended by the workbook's commit
 * @param sheetName the sheet's name (31 characters at most)
 * @param header the first row
 * @param batches rows, in batches (e.g. keyset pages of 1,000)
 */
export async function streamXlsxSheet(
  output: Writable,
  sheetName: string,
  header: string[],
  batches: AsyncIterable<XlsxCell[][]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: false,
    zip: { zlib: { level: 6 } },
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  // exceljs feeds its zip without back-pressure: wait after each batch until the sheet's buffer
  // and the compressor's input have been consumed and the output is not asking to drain
  // (its pipes are readable-stream PassThroughs without `writableLength`: read their states)
  type Buffered = { _writableState?: { length: number }; _readableState?: { length: number } };
  const sheetStream = (sheet as unknown as { stream: { buffers: unknown[]; pipes: Buffered[] } })
    .stream;
  const pending = (p: Buffered) =>
    (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
  const backlogged = () =>
    sheetStream.buffers.length > 4 ||
    sheetStream.pipes.some((p) => pending(p) > XLSX_BACKLOG_BYTES) ||
    output.writableNeedDrain;
  for await (const rows of batches) {
    for (const row of rows) sheet.addRow(row).commit();
    while (backlogged()) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  sheet.commit();
  await workbook.commit();
}
