/**
 * Limits for files that come from outside (uploads, CLI arguments). A real workbook of the
 * largest model is about 40 KiB zipped and 400 KiB unzipped, so these leave ample room while
 * keeping a hostile file from costing more than a few tens of megabytes of memory.
 */
export interface UploadLimits {
  /** The largest file accepted at all, zipped. */
  maxFileBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** The sum of every entry's uncompressed size. */
  maxTotalUncompressedBytes: number;
  /** The largest uncompressed/compressed ratio of one entry above `ratioFloorBytes`. */
  maxCompressionRatio: number;
  /** Entries smaller than this unzipped are not ratio-checked (tiny XML compresses very well). */
  ratioFloorBytes: number;
  /** Worksheets in a workbook. */
  maxSheets: number;
  /** Rows in one worksheet. */
  maxRowsPerSheet: number;
  /** Cells in all worksheets together (exceljs holds every cell as an object). */
  maxCells: number;
  /** Nesting depth of JSON (and YAML flow) text. */
  maxNestingDepth: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxEntries: 256,
  maxTotalUncompressedBytes: 32 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioFloorBytes: 256 * 1024,
  maxSheets: 16,
  maxRowsPerSheet: 5000,
  maxCells: 100_000,
  maxNestingDepth: 64,
};
