using System.CommandLine;
using System.Globalization;
using System.Text;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;
using Spectre.Console;

namespace Djpk.Metrics.Tool;

/// <summary>The <c>aggregate</c> command: counts (or distinct users) per period and breakdown, as CSV, JSON or a table.</summary>
internal static class AggregateCommand
{
    public static Command Create(ToolConsole console)
    {
        var logs = ToolOptions.Logs();
        var by = new Option<string>("--by") { Description = "The breakdown: channel, segment, topic, or several joined by commas (e.g. channel,segment).", HelpName = "channel[,segment,topic]", Required = true };
        var grain = new Option<string>("--grain") { Description = "The period grain.", HelpName = "day|week|month|quarter|year", DefaultValueFactory = _ => "month" };
        grain.AcceptOnlyFromAmong("day", "week", "month", "quarter", "year");
        var users = new Option<bool>("--distinct-users") { Description = "Count distinct users instead of consultations." };
        var service = new Option<bool>("--service") { Description = "Print service metrics per period and the one breakdown (CSV): contacts, answered, abandoned, service level, median and p90 response seconds, CSAT." };
        var from = new Option<string?>("--from") { Description = "The first period, e.g. 2023-01 (of the grain).", HelpName = "PERIOD" };
        var to = new Option<string?>("--to") { Description = "The last period, e.g. 2023-12 (of the grain).", HelpName = "PERIOD" };
        var format = new Option<string>("--format") { Description = "The output format.", HelpName = "csv|json|table", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "table");
        var output = ToolOptions.Out();
        var profile = ToolOptions.Profile();
        var reading = new LogReadingOptions(IngestPolicy.Strict);

        var command = new Command("aggregate", Help.Aggregate);
        foreach (Option option in new Option[] { logs, by, grain, users, service, from, to, format, output, profile })
        {
            command.Options.Add(option);
        }

        reading.AddTo(command);
        command.SetAction(parse =>
        {
            AggregationDimensions dimensions = ParseDimensions(parse.GetValue(by));
            PeriodGrain periodGrain = ParseGrain(parse.GetValue(grain));
            ReportingPeriod? first = ParsePeriod(parse.GetValue(from), "--from", periodGrain);
            ReportingPeriod? last = ParsePeriod(parse.GetValue(to), "--to", periodGrain);
            if (first is { } f && last is { } l && l < f)
            {
                throw ToolException.Usage($"--to {l} is before --from {f}.");
            }

            ToolProfile used = ToolProfile.Resolve(parse.GetValue(profile));
            LogReadSettings settings = reading.Resolve(parse, used);
            LoadedLogs loaded = LogLoader.Load(parse.GetValue(logs) ?? [], settings, console);
            var aggregator = new Aggregator(used.Report.Settings.Calendar);
            AggregationRequest request = AggregationRequest.PerPeriod(periodGrain).By(dimensions);
            if ((first ?? last) is not null)
            {
                if (loaded.Log.Earliest is not { } earliest || loaded.Log.Latest is not { } latest)
                {
                    throw ToolException.DataProblem("the logs hold no accepted rows.");
                }

                PeriodRange data = aggregator.Calendar.RangeOf(earliest, latest, periodGrain);
                request = request.Within(PeriodRange.Between(first ?? data.First, last ?? data.Last));
            }

            bool distinct = parse.GetValue(users);
            if (parse.GetValue(service))
            {
                ServiceBreakdown breakdown = dimensions switch
                {
                    AggregationDimensions.Channel => ServiceBreakdown.Channel,
                    AggregationDimensions.Segment => ServiceBreakdown.Segment,
                    AggregationDimensions.Topic => ServiceBreakdown.Topic,
                    _ => throw ToolException.Usage("--service: --by names one breakdown (channel, segment or topic)."),
                };
                if (distinct || parse.GetValue(format) != "csv")
                {
                    throw ToolException.Usage("--service prints CSV of contacts; it takes neither --distinct-users nor --format json|table.");
                }

                if (loaded.Log.Count == 0)
                {
                    throw ToolException.DataProblem("the logs hold no accepted rows.");
                }

                ReportingCalendar calendar = used.Report.Settings.Calendar;
                PeriodRange all = calendar.RangeOf(loaded.Log.Earliest!.Value, loaded.Log.Latest!.Value, periodGrain);
                PeriodRange range = PeriodRange.Between(first ?? all.First, last ?? all.Last);
                ServiceCube serviceCube = ServiceMetrics.Measure(loaded.Log, calendar, periodGrain, breakdown, used.Report.Settings.ServiceSettings, range);
                ToolOptions.Write(console, parse.GetValue(output), ServiceCsv(serviceCube, used.Report.Settings.ServiceLevelDefinition));
                return ExitCodes.Success;
            }

            IAggregateCube cube = distinct ? aggregator.CountDistinctUsers(loaded.Log, request) : aggregator.Count(loaded.Log, request);
            string? rendering = parse.GetValue(format);
            string text = rendering switch
            {
                "json" => AggregateJson.Render(cube) + "\n",
                "table" => Table(cube, distinct, console),
                _ => Csv(cube, distinct),
            };
            ToolOptions.Write(console, parse.GetValue(output), text);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Lists the cells of <paramref name="cube"/> that have data, in period, channel, segment, topic order.</summary>
    internal static IEnumerable<(ReportingPeriod Period, Channel? Channel, UserSegment? Segment, Topic? Topic, long Value)> Cells(IAggregateCube cube)
    {
        Channel?[] channels = (cube.Dimensions & AggregationDimensions.Channel) != 0 ? [.. cube.Channels.Select(c => (Channel?)c)] : [null];
        UserSegment?[] segments = (cube.Dimensions & AggregationDimensions.Segment) != 0 ? [.. cube.Segments.Select(s => (UserSegment?)s)] : [null];
        Topic?[] topics = (cube.Dimensions & AggregationDimensions.Topic) != 0 ? [.. cube.Topics.Select(t => (Topic?)t)] : [null];
        foreach (ReportingPeriod period in cube.Periods)
        {
            foreach (Channel? channel in channels)
            {
                foreach (UserSegment? segment in segments)
                {
                    foreach (Topic? topic in topics)
                    {
                        if (cube.Count(period, channel, segment, topic) is long value and > 0)
                        {
                            yield return (period, channel, segment, topic, value);
                        }
                    }
                }
            }
        }
    }

    private static string Csv(IAggregateCube cube, bool distinct)
    {
        var csv = new StringBuilder();
        csv.Append("period").Append(string.Concat(Headers(cube).Select(h => "," + h))).Append(distinct ? ",users" : ",count").Append('\n');
        foreach (var cell in Cells(cube))
        {
            csv.Append(cell.Period.ToString());
            foreach (string value in Values(cube, cell))
            {
                csv.Append(',').Append(Quote(value));
            }

            csv.Append(',').Append(cell.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>The header of <see cref="ServiceCsv"/> after the period and the breakdown's key.</summary>
    internal const string ServiceColumnsHeader = "contacts,answered,abandoned,service_level,median_response_s,p90_response_s,csat";

    /// <summary>Writes a service cube as CSV: 'period,&lt;key&gt;,contacts,answered,abandoned,service_level,median_response_s,p90_response_s,csat',
    /// one row per cell with contacts; rates are exact percents to two decimals (half away from zero), times seconds to the
    /// millisecond; a figure the log cannot give (no outcome column, no target, no scores) is empty.</summary>
    internal static string ServiceCsv(ServiceCube cube, ServiceLevelDefinition definition)
    {
        string key = cube.Breakdown switch
        {
            ServiceBreakdown.Channel => "channel",
            ServiceBreakdown.Segment => "segment",
            ServiceBreakdown.Topic => "topic",
            ServiceBreakdown.Agent => "agent",
            _ => "all",
        };
        static string Rate(Djpk.Metrics.Comparison.Share share) =>
            share.ToPercent(2, Djpk.Metrics.Comparison.RoundingRule.HalfAwayFromZero) is decimal p ? p.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;
        static string Seconds(NodaTime.Duration? d) =>
            d is NodaTime.Duration x ? (Math.Round(x.ToInt64Nanoseconds() / 1_000_000m, MidpointRounding.AwayFromZero) / 1000m).ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;
        var csv = new StringBuilder("period,").Append(key).Append(',').Append(ServiceColumnsHeader).Append('\n');
        foreach (ServiceCell cell in cube.Cells
            .Where(c => c.Figures.Contacts > 0)
            .OrderBy(c => c.Period)
            .ThenBy(c => c.Channel?.Id ?? c.Segment?.Id ?? c.Topic?.Name ?? c.Agent?.ToString(), StringComparer.Ordinal))
        {
            ServiceFigures f = cell.Figures;
            string member = cell.Channel?.Id ?? cell.Segment?.Id ?? cell.Topic?.Name ?? cell.Agent?.ToString() ?? string.Empty;
            csv.Append(cell.Period.ToString()).Append(',').Append(Quote(member)).Append(',')
                .Append(f.Contacts.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(f.Answered.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(f.WithOutcome > 0 ? f.Abandoned.ToString(CultureInfo.InvariantCulture) : string.Empty).Append(',')
                .Append(Rate(f.ServiceLevel(definition))).Append(',')
                .Append(Seconds(f.ResponseTime.Median)).Append(',')
                .Append(Seconds(f.ResponseTime.Percentile(0.9m))).Append(',')
                .Append(Rate(f.Csat)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Table(IAggregateCube cube, bool distinct, ToolConsole console)
    {
        var table = new Table().AddColumn("period");
        foreach (string header in Headers(cube))
        {
            table.AddColumn(header);
        }

        table.AddColumn(new TableColumn(distinct ? "users" : "count").RightAligned());
        foreach (var cell in Cells(cube))
        {
            table.AddRow([Markup.Escape(cell.Period.ToString()), .. Values(cube, cell).Select(Markup.Escape), cell.Value.ToString("N0", CultureInfo.InvariantCulture)]);
        }

        return console.Render(table);
    }

    private static IEnumerable<string> Headers(IAggregateCube cube)
    {
        if ((cube.Dimensions & AggregationDimensions.Channel) != 0)
        {
            yield return "channel";
        }

        if ((cube.Dimensions & AggregationDimensions.Segment) != 0)
        {
            yield return "segment";
        }

        if ((cube.Dimensions & AggregationDimensions.Topic) != 0)
        {
            yield return "topic";
        }
    }

    private static IEnumerable<string> Values(IAggregateCube cube, (ReportingPeriod Period, Channel? Channel, UserSegment? Segment, Topic? Topic, long Value) cell)
    {
        if ((cube.Dimensions & AggregationDimensions.Channel) != 0)
        {
            yield return cell.Channel!.Value.ToString();
        }

        if ((cube.Dimensions & AggregationDimensions.Segment) != 0)
        {
            yield return cell.Segment!.Value.ToString();
        }

        if ((cube.Dimensions & AggregationDimensions.Topic) != 0)
        {
            yield return cell.Topic!.Value.ToString();
        }
    }

    // RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static AggregationDimensions ParseDimensions(string? text)
    {
        AggregationDimensions dimensions = AggregationDimensions.None;
        foreach (string part in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            dimensions |= part switch
            {
                "channel" => AggregationDimensions.Channel,
                "segment" => AggregationDimensions.Segment,
                "topic" => AggregationDimensions.Topic,
                _ => throw ToolException.Usage($"--by: '{part}' is not channel, segment or topic."),
            };
        }

        return dimensions == AggregationDimensions.None
            ? throw ToolException.Usage("--by: name at least one of channel, segment, topic.")
            : dimensions;
    }

    private static PeriodGrain ParseGrain(string? text) => text switch
    {
        "day" => PeriodGrain.Day,
        "week" => PeriodGrain.Week,
        "quarter" => PeriodGrain.Quarter,
        "year" => PeriodGrain.Year,
        _ => PeriodGrain.Month,
    };

    private static ReportingPeriod? ParsePeriod(string? text, string flag, PeriodGrain grain)
    {
        if (text is null)
        {
            return null;
        }

        if (!ReportingPeriod.TryParse(text, out ReportingPeriod period))
        {
            throw ToolException.Usage($"{flag}: '{text}' is not a period (2023-12-31, 2023-W52, 2023-12, 2023-Q4, 2023).");
        }

        return period.Grain == grain
            ? period
            : throw ToolException.Usage($"{flag}: '{text}' is a {period.Grain.ToString().ToLowerInvariant()}, not a {grain.ToString().ToLowerInvariant()} (--grain).");
    }
}
