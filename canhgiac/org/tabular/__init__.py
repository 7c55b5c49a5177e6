"""Building blocks for importing spreadsheets, shared by the roster importer and other apps' importers.

- `reading`: check an upload (type by content, size) and read .xlsx/.xls/.csv into a `Table` of cells: the
  first suitable visible sheet, merged cells filled, CSV encodings and delimiters detected, legacy fonts converted.
- `legacy`: TCVN3 (ABC) and VNI text → Unicode.
- `headers`: `HeaderSpec` (fields, spellings, key fields) finds the header row among title rows and maps columns.
- `rows`: the data rows under a header (numbering row, section headings and signature block skipped).
- `values`: tidy text, codes, dates (real dates, Excel serials, dd/mm/yyyy …), money ("45,2 tỷ", "1.500.000 đ").
- `forms`: `ColumnMappingForm`, the manual column mapping of a preview.
- `result`: the result workbook (the file as uploaded + row number, outcome, problems), formula-safe.
- `bulk`: `collector_paused()`, the garbage collector paused while an import builds per-row objects.

Each importer keeps its own fields, messages, matching and writing; the flow is the same everywhere: upload →
analyse (preview, per-row problems, mapping that can be overridden) → commit all or nothing → result file.
"""
