namespace Djpk.Metrics.Tool;

/// <summary>The description of each command, with examples, as --help prints it.</summary>
internal static class Help
{
    public const string Root = """
        Djpk.Metrics on the command line: read interaction logs, aggregate them, build the monthly report of your own
        data and verify a report's claims. Exit codes: 0 success, 1 data problems, 2 usage.

        Examples:
          djpk-metrics ingest konsultasi.csv
          djpk-metrics report --log konsultasi.csv --month 2023-12
          djpk-metrics aggregate --log konsultasi.csv --by channel --grain month
          djpk-metrics verify --text laporan.txt --log konsultasi.csv --month 2023-12
        """;

    public const string Ingest = """
        Reads logs (CSV, JSON Lines or Excel .xlsx), prints the ingest report of each file (the summary line, then every rejected row
        with its line, column and reason) and optionally writes the accepted rows. Rejected rows are collected by default;
        with --policy strict any rejected row makes the exit code 1.

        Examples:
          djpk-metrics ingest konsultasi.csv
          djpk-metrics ingest export.csv --delimiter ';' --zone Asia/Jakarta --column timestamp=waktu --column channel=kanal
          djpk-metrics ingest a.jsonl b.jsonl --out clean.csv
          djpk-metrics ingest export.xlsx --sheet Desember
          djpk-metrics ingest konsultasi.csv --policy strict
        """;

    public const string Report = """
        Builds the monthly report of your own logs and, optionally, social-media, website, information-request and
        complaint files (JSON; formats in docs/tool.md), and writes it as text, Markdown, JSON or HTML. Rows that cannot be
        read are an error unless --policy collect, which skips them and notes them in the report.

        Examples:
          djpk-metrics report --log konsultasi.csv --month 2023-12
          djpk-metrics report --log 2022.jsonl 2023.jsonl --month 2023-12 --lang en --format md --out report.md
          djpk-metrics report --log konsultasi.csv --month 2023-12 --social social.json --website website.json --format json
          djpk-metrics report --log provinsi.xlsx --month 2026-10 --profile nusa-sejahtera.json --format html --out laporan.html
        """;

    public const string Aggregate = """
        Counts consultations (or distinct users) per period and channel, segment or topic. CSV (the default) has a
        header row 'period,<breakdown ids…>,count' ('users' with --distinct-users), then one row per cell that has data;
        the period is written as the library prints it (2023-12, 2023-W52, 2023-Q4). Periods are in the profile's zone
        (Asia/Jakarta for djpk). With --service it prints service metrics instead, for one breakdown:
        'period,<key>,contacts,answered,abandoned,service_level,median_response_s,p90_response_s,csat' (rates in percent,
        times in seconds; empty where the log lacks the column or the channel has no target).

        Examples:
          djpk-metrics aggregate --log konsultasi.csv --by channel
          djpk-metrics aggregate --log konsultasi.jsonl --by channel --service
          djpk-metrics aggregate --log konsultasi.csv --by channel,segment --grain quarter --from 2023-Q1 --to 2023-Q4
          djpk-metrics aggregate --log konsultasi.csv --by segment --grain year --distinct-users --format table
          djpk-metrics aggregate --log provinsi.csv --by channel --profile nusa-sejahtera.json
        """;

    public const string Verify = """
        Extracts the claims of a report's text (Indonesian) and checks each one against a figures file or against the
        counts of the logs themselves. Every claim holds, fails (with its likely cause) or is unverifiable. With
        --fail-on-claims a failing claim makes the exit code 1.

        Examples:
          djpk-metrics verify --text laporan.txt --figures figures.json
          djpk-metrics verify --text laporan.txt --log konsultasi.csv --month 2023-12 --fail-on-claims
        """;
}
