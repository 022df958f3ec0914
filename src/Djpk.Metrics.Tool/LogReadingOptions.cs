using System.CommandLine;
using System.Globalization;
using Djpk.Metrics.Excel;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Phone;
using NodaTime;

namespace Djpk.Metrics.Tool;

/// <summary>The flags shared by every command that reads logs, and their translation into the library's ingest options.</summary>
/// <remarks>This is the one place that knows how a flag maps to <see cref="IngestOptions"/> and <see cref="LogColumns"/>.</remarks>
internal sealed class LogReadingOptions
{
    private static readonly string[] ColumnFields = ["timestamp", "channel", "segment", "topic", "user", "id", "first_response", "end", "outcome", "agent", "case", "satisfaction"];

    private readonly IngestPolicy _defaultPolicy;

    /// <param name="defaultPolicy">The policy without --policy.</param>
    /// <param name="formatName">The name of the input-format flag: <c>--format</c> for <c>ingest</c>, whose only format flag it is; <c>--input-format</c> where <c>--format</c> names the output.</param>
    public LogReadingOptions(IngestPolicy defaultPolicy, string formatName = "--input-format")
    {
        _defaultPolicy = defaultPolicy;
        Format = new Option<string?>(formatName)
        {
            Description = "The format of the log files: csv, jsonl or xlsx (default: from each file's extension: .csv/.tsv/.txt, .jsonl/.ndjson/.json, .xlsx/.xlsm).",
            HelpName = "csv|jsonl|xlsx",
        };
        Format.AcceptOnlyFromAmong("csv", "jsonl", "xlsx");
        Sheet = new Option<string?>("--sheet")
        {
            Description = "The worksheet of .xlsx files: its name, or its 0-based position (0 is the first tab, the default).",
            HelpName = "NAME|INDEX",
        };
        Delimiter = new Option<string?>("--delimiter") { Description = "The CSV delimiter, one character (default ','; 'tab' for a tab).", HelpName = "C" };
        TimestampFormats = new Option<string[]>("--timestamp-format")
        {
            Description = "A timestamp format, tried in order after ISO-8601 (repeatable): a NodaTime pattern such as 'dd/MM/yyyy HH:mm', or iso, unix-seconds, unix-ms, excel.",
            HelpName = "PATTERN",
            Arity = ArgumentArity.OneOrMore,
        };
        Zone = new Option<string?>("--zone") { Description = "The time zone of timestamps without an offset (a tz id; default the profile's, Asia/Jakarta).", HelpName = "TZID" };
        Columns = new Option<string[]>("--column")
        {
            Description = "The header or field name of a field: timestamp, channel, segment, topic, user, id, or a service field first_response, end, outcome, agent, case or satisfaction (repeatable), e.g. --column timestamp=waktu.",
            HelpName = "FIELD=HEADER",
            Arity = ArgumentArity.OneOrMore,
        };
        Channel = new Option<string?>("--channel") { Description = "One channel id for the whole file (a file that is all one channel), e.g. phone.", HelpName = "VALUE" };
        Segment = new Option<string?>("--segment") { Description = "One segment id for the whole file, e.g. pemda.", HelpName = "VALUE" };
        Aliases = new Option<string[]>("--alias")
        {
            Description = "Read TEXT as a channel or segment id (repeatable): channel:TEXT=ID or segment:TEXT=ID.",
            HelpName = "channel:TEXT=ID|segment:TEXT=ID",
            Arity = ArgumentArity.OneOrMore,
        };
        FallbackChannel = new Option<string?>("--fallback-channel") { Description = "The channel of rows whose channel is unknown (counted in the report).", HelpName = "ID" };
        FallbackSegment = new Option<string?>("--fallback-segment") { Description = "The segment of rows whose segment is unknown (counted), e.g. lainnya.", HelpName = "ID" };
        Policy = new Option<string?>("--policy")
        {
            Description = $"strict: any rejected row is an error (exit code 1); collect: rejected rows are reported and skipped (default {(defaultPolicy == IngestPolicy.Strict ? "strict" : "collect")}).",
            HelpName = "strict|collect",
        };
        Policy.AcceptOnlyFromAmong("strict", "collect");
        UserIdentity = new Option<string?>("--user-identity")
        {
            Description = "What the user column holds: number (a 64-bit key), text (an identity hashed as written), email (trimmed, lower-case) or phone (E.164, default region ID), then hashed. Default: the reader's rule (integers are keys, text is hashed).",
            HelpName = "email|phone|text|number",
        };
        UserIdentity.AcceptOnlyFromAmong("email", "phone", "text", "number");
    }

    public Option<string?> Format { get; }

    public Option<string?> Sheet { get; }

    public Option<string?> Delimiter { get; }

    public Option<string[]> TimestampFormats { get; }

    public Option<string?> Zone { get; }

    public Option<string[]> Columns { get; }

    public Option<string?> Channel { get; }

    public Option<string?> Segment { get; }

    public Option<string[]> Aliases { get; }

    public Option<string?> FallbackChannel { get; }

    public Option<string?> FallbackSegment { get; }

    public Option<string?> Policy { get; }

    public Option<string?> UserIdentity { get; }

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Format, Sheet, Delimiter, TimestampFormats, Zone, Columns, Channel, Segment, Aliases, FallbackChannel, FallbackSegment, Policy, UserIdentity })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Translates the flags of <paramref name="parse"/> into settings for the readers.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="profile">The catalog, aliases and zone of the report profile; DJPK's when <see langword="null"/>.</param>
    /// <exception cref="ToolException">A flag's value is not valid (a usage error).</exception>
    public LogReadSettings Resolve(ParseResult parse, ToolProfile? profile = null)
    {
        profile ??= ToolProfile.Djpk;
        IngestPolicy policy = parse.GetValue(Policy) switch
        {
            "strict" => IngestPolicy.Strict,
            "collect" => IngestPolicy.Collect,
            _ => _defaultPolicy,
        };

        IngestOptions options = profile.IngestOptions.Collecting(maxRejectionDetails: 10_000).WithLocalZone(profile.Zone);
        if (parse.GetValue(Zone) is { } zoneId)
        {
            DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
                ?? throw ToolException.Usage($"--zone: '{zoneId}' is not a time zone id of the tz database (e.g. Asia/Jakarta).");
            options = options.WithLocalZone(zone);
        }

        options = options
            .WithChannelFallback(ParseId(parse.GetValue(FallbackChannel), "--fallback-channel", id => new Channel(id), options.Catalog.Contains, profile))
            .WithSegmentFallback(ParseId(parse.GetValue(FallbackSegment), "--fallback-segment", id => new UserSegment(id), options.Catalog.Contains, profile));

        LogColumns columns = LogColumns.Default;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string column in parse.GetValue(Columns) ?? [])
        {
            int equals = column.IndexOf('=', StringComparison.Ordinal);
            string field = equals > 0 ? column[..equals].Trim().ToLowerInvariant() : string.Empty;
            string header = equals > 0 ? column[(equals + 1)..].Trim() : string.Empty;
            if (!ColumnFields.Contains(field) || header.Length == 0)
            {
                throw ToolException.Usage($"--column: '{column}' is not FIELD=HEADER with FIELD one of {string.Join(", ", ColumnFields)}.");
            }

            names[field] = header;
        }

        columns = columns.WithNames(
            names.GetValueOrDefault("timestamp"),
            names.GetValueOrDefault("channel"),
            names.GetValueOrDefault("segment"),
            names.GetValueOrDefault("topic"),
            names.GetValueOrDefault("user"),
            names.GetValueOrDefault("id"),
            names.GetValueOrDefault("first_response"),
            names.GetValueOrDefault("end"),
            names.GetValueOrDefault("outcome"),
            names.GetValueOrDefault("agent"),
            names.GetValueOrDefault("case"),
            names.GetValueOrDefault("satisfaction"));

        (columns, options) = parse.GetValue(UserIdentity) switch
        {
            null => (columns, options),
            "number" => (columns.WithUserIdentity(isText: false), options),
            "text" => (columns.WithUserIdentity(isText: true), options.WithUserNormalization(UserNormalization.Verbatim)),
            "email" => (columns.WithUserIdentity(isText: true), options.WithUserNormalization(UserNormalization.Email)),
            "phone" => (columns.WithUserIdentity(isText: true), options.WithUserNormalization(PhoneNormalization.E164("ID"))),
            string other => throw ToolException.Usage($"--user-identity: '{other}' is not email, phone, text or number."),
        };

        if (parse.GetValue(TimestampFormats) is { Length: > 0 } patterns)
        {
            options = options.WithTimestampFormats([.. TimestampFormatsOf(patterns)]);
        }

        if (parse.GetValue(Channel) is { } channel)
        {
            columns = columns.WithConstantChannel(ParseId(channel, "--channel", id => new Channel(id), options.Catalog.Contains, profile));
        }

        if (parse.GetValue(Segment) is { } segment)
        {
            columns = columns.WithConstantSegment(ParseId(segment, "--segment", id => new UserSegment(id), options.Catalog.Contains, profile));
        }

        foreach (string alias in parse.GetValue(Aliases) ?? [])
        {
            options = WithAlias(options, alias, profile);
        }

        return new LogReadSettings(options, columns, ParseDelimiter(parse.GetValue(Delimiter)), policy, parse.GetValue(Format), ParseSheet(parse.GetValue(Sheet)));
    }

    // An integer is the sheet's 0-based position; anything else its name (matched ignoring case, as Excel does).
    private static ExcelSheet? ParseSheet(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            return ExcelSheet.At(index);
        }

        return string.IsNullOrWhiteSpace(text)
            ? throw ToolException.Usage("--sheet: name the sheet, or give its 0-based position (0 is the first).")
            : ExcelSheet.Named(text);
    }

    // ISO-8601 first unless the user places it (as "iso"); the named numeric formats by name; anything else a NodaTime pattern.
    private static IEnumerable<TimestampFormat> TimestampFormatsOf(string[] patterns)
    {
        if (!patterns.Contains("iso"))
        {
            yield return TimestampFormat.Iso;
        }

        foreach (string pattern in patterns)
        {
            TimestampFormat format;
            try
            {
                format = pattern switch
                {
                    "iso" => TimestampFormat.Iso,
                    "unix-seconds" => TimestampFormat.UnixSeconds,
                    "unix-ms" => TimestampFormat.UnixMilliseconds,
                    "excel" => TimestampFormat.ExcelSerial,
                    _ => TimestampFormat.Pattern(pattern),
                };
            }
            catch (ArgumentException e)
            {
                throw ToolException.Usage($"--timestamp-format: '{pattern}' is not a NodaTime pattern: {e.Message}");
            }

            yield return format;
        }
    }

    private static IngestOptions WithAlias(IngestOptions options, string alias, ToolProfile profile)
    {
        int colon = alias.IndexOf(':', StringComparison.Ordinal);
        int equals = alias.LastIndexOf('=');
        string kind = colon > 0 ? alias[..colon] : string.Empty;
        if (kind is not ("channel" or "segment") || equals <= colon + 1 || equals == alias.Length - 1)
        {
            throw ToolException.Usage($"--alias: '{alias}' is not channel:TEXT=ID or segment:TEXT=ID.");
        }

        string text = alias[(colon + 1)..equals];
        string id = alias[(equals + 1)..];
        try
        {
            return kind == "channel"
                ? options.WithChannelAlias(text, ParseId(id, "--alias", i => new Channel(i), options.Catalog.Contains, profile)!.Value)
                : options.WithSegmentAlias(text, ParseId(id, "--alias", i => new UserSegment(i), options.Catalog.Contains, profile)!.Value);
        }
        catch (ArgumentException e)
        {
            throw ToolException.Usage($"--alias: '{alias}': {e.Message}");
        }
    }

    private static char ParseDelimiter(string? text) => text switch
    {
        null => ',',
        "tab" or "\\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw ToolException.Usage($"--delimiter: '{text}' is not one character (write 'tab' for a tab)."),
    };

    private static T? ParseId<T>(string? text, string flag, Func<string, T> create, Func<T, bool> known, ToolProfile profile)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        T value;
        try
        {
            value = create(text);
        }
        catch (ArgumentException)
        {
            throw ToolException.Usage($"{flag}: '{text}' is not an id (lower-case letters, digits and '-').");
        }

        return known(value)
            ? value
            : throw ToolException.Usage(string.Create(CultureInfo.InvariantCulture, $"{flag}: '{text}' is not in the catalog of {profile.Description}."));
    }
}
