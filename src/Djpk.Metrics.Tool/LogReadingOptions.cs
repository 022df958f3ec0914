using System.CommandLine;
using System.Globalization;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Profiles;
using NodaTime;

namespace Djpk.Metrics.Tool;

/// <summary>The flags shared by every command that reads logs, and their translation into the library's ingest options.</summary>
/// <remarks>This is the one place that knows how a flag maps to <see cref="IngestOptions"/> and <see cref="LogColumns"/>.</remarks>
internal sealed class LogReadingOptions
{
    private static readonly string[] ColumnFields = ["timestamp", "channel", "segment", "topic", "user", "id"];

    private readonly IngestPolicy _defaultPolicy;

    public LogReadingOptions(IngestPolicy defaultPolicy)
    {
        _defaultPolicy = defaultPolicy;
        Delimiter = new Option<string?>("--delimiter") { Description = "The CSV delimiter, one character (default ','; 'tab' for a tab).", HelpName = "C" };
        TimestampFormats = new Option<string[]>("--timestamp-format")
        {
            Description = "A NodaTime pattern for timestamps, e.g. 'dd/MM/yyyy HH:mm' (repeatable; tried in order; ISO-8601 always).",
            HelpName = "PATTERN",
            Arity = ArgumentArity.OneOrMore,
        };
        Zone = new Option<string?>("--zone") { Description = "The time zone of timestamps without an offset (a tz id; default the profile's, Asia/Jakarta).", HelpName = "TZID" };
        Columns = new Option<string[]>("--column")
        {
            Description = "The header or field name of a field: timestamp, channel, segment, topic, user or id (repeatable), e.g. --column timestamp=waktu.",
            HelpName = "FIELD=HEADER",
            Arity = ArgumentArity.OneOrMore,
        };
        Channel = new Option<string?>("--channel") { Description = "One channel for the whole file (a file that is all one channel).", HelpName = "VALUE" };
        Segment = new Option<string?>("--segment") { Description = "One segment for the whole file.", HelpName = "VALUE" };
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
            Description = "What the user column holds: number (a 64-bit key, the default), text (an identity, hashed), email or phone (normalised, then hashed).",
            HelpName = "email|phone|text|number",
        };
        UserIdentity.AcceptOnlyFromAmong("email", "phone", "text", "number");
    }

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
        foreach (Option option in new Option[] { Delimiter, TimestampFormats, Zone, Columns, Channel, Segment, Aliases, FallbackChannel, FallbackSegment, Policy, UserIdentity })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Translates the flags of <paramref name="parse"/> into settings for the readers.</summary>
    /// <exception cref="ToolException">A flag's value is not valid (a usage error).</exception>
    public LogReadSettings Resolve(ParseResult parse, string? format = null)
    {
        IngestPolicy policy = parse.GetValue(Policy) switch
        {
            "strict" => IngestPolicy.Strict,
            "collect" => IngestPolicy.Collect,
            _ => _defaultPolicy,
        };

        IngestOptions options = DjpkProfile.IngestOptions.Collecting(maxRejectionDetails: 10_000).WithLocalZone(DjpkProfile.Settings.Calendar.Zone);
        if (parse.GetValue(Zone) is { } zoneId)
        {
            DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
                ?? throw ToolException.Usage($"--zone: '{zoneId}' is not a time zone id of the tz database (e.g. Asia/Jakarta).");
            options = options.WithLocalZone(zone);
        }

        options = options
            .WithChannelFallback(ParseId(parse.GetValue(FallbackChannel), "--fallback-channel", id => new Channel(id), options.Catalog.Contains))
            .WithSegmentFallback(ParseId(parse.GetValue(FallbackSegment), "--fallback-segment", id => new UserSegment(id), options.Catalog.Contains));

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
            names.GetValueOrDefault("id"));

        columns = parse.GetValue(UserIdentity) switch
        {
            null => columns,
            "number" => columns.WithUserIdentity(isText: false),
            "text" => columns.WithUserIdentity(isText: true),
            string other => throw ToolException.Usage($"--user-identity {other}: this version of the library cannot normalise {other} identities yet; use text (hashed as written) or number."),
        };

        if (parse.GetValue(TimestampFormats) is { Length: > 0 })
        {
            throw ToolException.Usage("--timestamp-format: this version of the library reads ISO-8601 timestamps only.");
        }

        if (parse.GetValue(Channel) is not null || parse.GetValue(Segment) is not null)
        {
            throw ToolException.Usage("--channel/--segment: this version of the library cannot read a constant channel or segment yet.");
        }

        if (parse.GetValue(Aliases) is { Length: > 0 })
        {
            throw ToolException.Usage("--alias: this version of the library matches channel and segment ids exactly and has no aliases yet.");
        }

        return new LogReadSettings(options, columns, ParseDelimiter(parse.GetValue(Delimiter)), policy, format);
    }

    private static char ParseDelimiter(string? text) => text switch
    {
        null => ',',
        "tab" or "\\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw ToolException.Usage($"--delimiter: '{text}' is not one character (write 'tab' for a tab)."),
    };

    private static T? ParseId<T>(string? text, string flag, Func<string, T> create, Func<T, bool> known)
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
            : throw ToolException.Usage(string.Create(CultureInfo.InvariantCulture, $"{flag}: '{text}' is not in the DJPK catalog."));
    }
}
