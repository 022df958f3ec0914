using Djpk.Metrics.Excel;
using Djpk.Metrics.Ingest;

namespace Djpk.Metrics.Tool;

/// <summary>How to read the logs of one command: the library's options and columns, the CSV delimiter and the policy asked for.</summary>
/// <param name="Options">The ingest options, always collecting: the tool decides what a rejection means from <paramref name="Policy"/>.</param>
/// <param name="Columns">The column or field names, constants and user identity.</param>
/// <param name="Delimiter">The CSV delimiter.</param>
/// <param name="Policy">Strict: any rejected row is a data problem (exit code 1); collect: rejected rows are reported and skipped.</param>
/// <param name="Format">The input format when given (csv, jsonl or xlsx), else from each file's extension.</param>
/// <param name="Sheet">The worksheet of <c>.xlsx</c> files (the first by default); <see langword="null"/> when --sheet was not given.</param>
internal sealed record LogReadSettings(IngestOptions Options, LogColumns Columns, char Delimiter, IngestPolicy Policy, string? Format, ExcelSheet? Sheet = null);
