using System.Globalization;
using System.Text;
using System.Text.Json;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.Formatting;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;

namespace Djpk.Metrics.Reporting;

/// <summary>A report profile read from a profile file: another agency's channels, segments, export aliases, settings, wording and holidays, as JSON.</summary>
/// <remarks>
/// <para>Immutable. A profile file (schema 1) is one UTF-8 JSON object, without comments or trailing commas:</para>
/// <code>
/// {
///   "schema": 1,
///   "name": "nusa-sejahtera",
///   "channels": [
///     { "id": "sms", "kind": "consultation", "name": { "id": "SMS Center Provinsi", "en": "Provincial SMS centre" }, "aliases": ["SMS"] }
///   ],
///   "segments": [
///     { "id": "warga", "name": { "id": "Warga", "en": "Residents" }, "includes": "Warga provinsi", "aliases": ["Masyarakat"] }
///   ],
///   "settings": { "zone": "Asia/Makassar", "changeRounding": { "rule": "halfAwayFromZero", "decimals": 0 } },
///   "complaintCategories": [{ "id": "perizinan", "name": { "id": "Keluhan Perizinan", "en": "Licensing complaints" } }],
///   "holidays": ["nusa-sejahtera-2026.json"],
///   "wording": { "id": { "title": "Laporan Bulanan Provinsi Nusa Sejahtera — {month}" } }
/// }
/// </code>
/// <para><c>schema</c> is 1. <c>name</c> is the profile's short name. <c>channels</c> and <c>segments</c> are the catalog, in
/// report order: each has an <c>id</c> (lower-case letters, digits and '-'), a <c>name</c> with <c>id</c> (Indonesian) and
/// <c>en</c> (English), and optional <c>aliases</c>, the texts its exports use for it (matched trimmed, ignoring case and
/// diacritics). A channel's <c>kind</c> is <c>consultation</c>, <c>web</c>, <c>social</c> or <c>informationRequest</c>; a segment's
/// <c>includes</c> says whom it includes. <c>settings</c> starts from the neutral <see cref="ReportSettings(ReportingCalendar)"/>:
/// <c>zone</c> (a tz id) is required; <c>language</c> (<c>id</c>|<c>en</c>), <c>changeRounding</c> (<c>rule</c>, <c>decimals</c>,
/// <c>smallChangeDecimals</c>, <c>smallChangeBelowPercent</c>), <c>shareRounding</c> (<c>decimals</c>, <c>channelShareRule</c>,
/// <c>segmentShareMethod</c>, <c>segmentShareRule</c>), <c>significantChangePercent</c>, <c>topTopics</c> and
/// <c>channelChangeDecimals</c> (<c>{"channel-id": decimals}</c>) are optional. Rules are <c>halfAwayFromZero</c>,
/// <c>halfToEven</c> or <c>towardZero</c>; methods <c>largestRemainder</c> or <c>roundEach</c>.</para>
/// <para><c>settings.service</c> (optional) sets the service-quality section: <c>serviceLevelDefinition</c>
/// (<c>answeredOnly</c>, <c>abandonedIncluded</c> (the default) or <c>shortAbandonsExcluded</c>), <c>shortAbandonSeconds</c>,
/// <c>minSatisfactionResponses</c>, <c>officeHours</c> (<c>{"open": "08:00", "close": "17:00"}</c>, weekdays, less the
/// <c>holidays</c>) and <c>targets</c>, <c>{"channel-id": {"seconds": 20}}</c> or <c>{"channel-id": {"workingHours": 9}}</c>
/// (working time needs <c>officeHours</c>).</para>
/// <para><c>complaintCategories</c> (optional) lists the complaint categories the report names, in order: each has an
/// <c>id</c> and a <c>name</c> with <c>id</c> and <c>en</c>; a category the complaints use that is not listed is reported under
/// its id after them.</para>
/// <para><c>holidays</c> (optional) is an array of holiday files in the format of <see cref="WorkingDayCalendar.Parse(string)"/>,
/// each a path (relative to the profile file) or the file's object itself, of contiguous years; without it the report leaves the
/// on-time share of information requests undefined. <c>wording</c> (optional) overrides templates of
/// <see cref="ReportWording.Default"/> in the format of <see cref="ReportWording.WithOverrides(string)"/>, inline or as a path.</para>
/// <para>Field names are case-sensitive; unknown or repeated fields are errors. Every violation throws a
/// <see cref="FormatException"/> whose message names the field (such as <c>channels[1].kind</c>), the rule and the fix.</para>
/// </remarks>
public sealed class ReportProfileFile
{
    private const int Schema = 1;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    private static readonly (string Name, RoundingRule Value)[] Rules =
        [("halfAwayFromZero", RoundingRule.HalfAwayFromZero), ("halfToEven", RoundingRule.HalfToEven), ("towardZero", RoundingRule.TowardZero)];

    private static readonly (string Name, ShareAllocationMethod Value)[] Methods =
        [("largestRemainder", ShareAllocationMethod.LargestRemainder), ("roundEach", ShareAllocationMethod.RoundEach)];

    private static readonly (string Name, ChannelKind Value)[] Kinds =
        [("consultation", ChannelKind.Consultation), ("web", ChannelKind.Web), ("social", ChannelKind.Social), ("informationRequest", ChannelKind.InformationRequest)];

    private static readonly (string Name, ReportLanguage Value)[] Languages = [("id", ReportLanguage.Indonesian), ("en", ReportLanguage.English)];

    private ReportProfileFile(ReportProfile profile, IngestOptions ingestOptions)
    {
        Profile = profile;
        IngestOptions = ingestOptions;
    }

    /// <summary>Gets the report profile: the file's name, catalog, settings (with its holidays) and wording.</summary>
    public ReportProfile Profile { get; }

    /// <summary>Gets the ingest options for the agency's exports: the file's catalog and aliases, strict, with no local zone (as <see cref="Djpk.Metrics.Ingest.IngestOptions.For(Catalog)"/>).</summary>
    /// <remarks>Offset-less timestamps are rejected until a caller adds <see cref="Djpk.Metrics.Ingest.IngestOptions.WithLocalZone"/>, typically with the profile's zone.</remarks>
    public IngestOptions IngestOptions { get; }

    /// <summary>Reads the profile file at <paramref name="path"/>; relative holiday and wording paths are resolved against its folder.</summary>
    /// <param name="path">The profile file.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file, or a file it names, cannot be read.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="path"/> does not exist (a file it names that does not exist is a <see cref="FormatException"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">A file may not be read.</exception>
    /// <exception cref="FormatException">The file is not valid JSON or breaks a rule of the format; the message names the field, the rule and the fix.</exception>
    public static ReportProfileFile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        using FileStream stream = File.OpenRead(full);
        return Read(stream, Path.GetDirectoryName(full));
    }

    /// <summary>Reads a profile file from <paramref name="utf8Json"/>; the stream is read to its end and not disposed.</summary>
    /// <param name="utf8Json">The file's content.</param>
    /// <param name="baseDirectory">The folder that relative holiday and wording paths are relative to; <see langword="null"/> allows only absolute paths and inline objects.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream, or a file the profile names, cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file the profile names may not be read.</exception>
    /// <exception cref="FormatException">The content is not valid JSON or breaks a rule of the format; the message names the field, the rule and the fix.</exception>
    public static ReportProfileFile Read(Stream utf8Json, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException e)
        {
            throw NotJson(e);
        }

        using (document)
        {
            return Read(document.RootElement, baseDirectory);
        }
    }

    /// <summary>Reads a profile file from its text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="baseDirectory">The folder that relative holiday and wording paths are relative to; <see langword="null"/> allows only absolute paths and inline objects.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">A file the profile names cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file the profile names may not be read.</exception>
    /// <exception cref="FormatException">The text is not valid JSON or breaks a rule of the format; the message names the field, the rule and the fix.</exception>
    public static ReportProfileFile Parse(string json, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), baseDirectory);
    }

    /// <summary>Returns the profile's name.</summary>
    /// <returns>The name, such as "nusa-sejahtera".</returns>
    public override string ToString() => Profile.Name;

    private static ReportProfileFile Read(JsonElement root, string? baseDirectory)
    {
        Dictionary<string, JsonElement> fields = Fields(root, string.Empty, ["schema", "name", "channels", "segments", "settings", "complaintCategories", "holidays", "wording"]);
        if (!fields.TryGetValue("schema", out JsonElement schema) || schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out int version) || version != Schema)
        {
            throw Fail("schema", "is required and must be 1; add \"schema\": 1");
        }

        string name = Text(Required(fields, "name", string.Empty), "name");
        Catalog catalog = Catalog.Empty;
        var channelAliases = new List<(string Text, Channel Channel, string Path)>();
        var segmentAliases = new List<(string Text, UserSegment Segment, string Path)>();
        int index = 0;
        foreach (JsonElement element in Array(Required(fields, "channels", string.Empty), "channels", nonEmpty: true))
        {
            string path = Item("channels", index++);
            Dictionary<string, JsonElement> channel = Fields(element, path, ["id", "kind", "name", "aliases"]);
            Channel id = Id(Required(channel, "id", path), path + ".id", text => new Channel(text));
            ChannelKind kind = Choice(Required(channel, "kind", path), path + ".kind", Kinds);
            (string indonesian, string english) = Names(Required(channel, "name", path), path + ".name");
            catalog = Apply(path, () => catalog.WithChannel(new ChannelInfo(id, indonesian, english, kind)));
            channelAliases.AddRange(Aliases(channel, path).Select(a => (a.Text, id, a.Path)));
        }

        index = 0;
        foreach (JsonElement element in Array(Required(fields, "segments", string.Empty), "segments", nonEmpty: true))
        {
            string path = Item("segments", index++);
            Dictionary<string, JsonElement> segment = Fields(element, path, ["id", "name", "includes", "aliases"]);
            UserSegment id = Id(Required(segment, "id", path), path + ".id", text => new UserSegment(text));
            (string indonesian, string english) = Names(Required(segment, "name", path), path + ".name");
            string includes = Text(Required(segment, "includes", path), path + ".includes");
            catalog = Apply(path, () => catalog.WithSegment(new UserSegmentInfo(id, indonesian, english, includes)));
            segmentAliases.AddRange(Aliases(segment, path).Select(a => (a.Text, id, a.Path)));
        }

        IngestOptions ingest = IngestOptions.For(catalog);
        foreach ((string text, Channel channel, string path) in channelAliases)
        {
            ingest = Apply(path, () => ingest.WithChannelAlias(text, channel));
        }

        foreach ((string text, UserSegment segment, string path) in segmentAliases)
        {
            ingest = Apply(path, () => ingest.WithSegmentAlias(text, segment));
        }

        ReportSettings settings = Settings(Required(fields, "settings", string.Empty), catalog);
        if (fields.TryGetValue("complaintCategories", out JsonElement categories))
        {
            index = 0;
            foreach (JsonElement element in Array(categories, "complaintCategories", nonEmpty: false))
            {
                string path = Item("complaintCategories", index++);
                Dictionary<string, JsonElement> category = Fields(element, path, ["id", "name"]);
                ComplaintCategory id = Id(Required(category, "id", path), path + ".id", text => new ComplaintCategory(text));
                (string indonesian, string english) = Names(Required(category, "name", path), path + ".name");
                settings = Apply(path, () => settings.WithComplaintCategory(new ComplaintCategoryInfo(id, indonesian, english)));
            }
        }

        if (fields.TryGetValue("holidays", out JsonElement holidays))
        {
            settings = settings.WithWorkingDays(WorkingDays(holidays, baseDirectory));
        }

        if (fields["settings"].TryGetProperty("service", out JsonElement service))
        {
            settings = Service(service, settings, catalog);
        }

        ReportWording wording = ReportWording.Default;
        if (fields.TryGetValue("wording", out JsonElement overrides))
        {
            wording = Wording(overrides, baseDirectory);
        }

        return new ReportProfileFile(new ReportProfile(name, catalog, settings, wording), ingest);
    }

    private static ReportSettings Settings(JsonElement element, Catalog catalog)
    {
        Dictionary<string, JsonElement> fields = Fields(element, "settings",
            ["zone", "language", "changeRounding", "shareRounding", "significantChangePercent", "topTopics", "channelChangeDecimals", "service"]);
        string zone = Text(Required(fields, "zone", "settings"), "settings.zone");
        ReportingCalendar calendar;
        try
        {
            calendar = ReportingCalendar.ForZone(zone);
        }
        catch (ArgumentException)
        {
            throw Fail("settings.zone", $"'{zone}' is not a time zone id of the tz database; write one such as \"Asia/Jakarta\", \"Asia/Makassar\" or \"Asia/Jayapura\"");
        }

        var settings = new ReportSettings(calendar);
        if (fields.TryGetValue("language", out JsonElement language))
        {
            settings = settings.WithLanguage(Choice(language, "settings.language", Languages));
        }

        if (fields.TryGetValue("changeRounding", out JsonElement change))
        {
            const string path = "settings.changeRounding";
            Dictionary<string, JsonElement> c = Fields(change, path, ["rule", "decimals", "smallChangeDecimals", "smallChangeBelowPercent"]);
            RoundingRule rule = c.TryGetValue("rule", out JsonElement r) ? Choice(r, path + ".rule", Rules) : settings.ChangeRule;
            int decimals = c.TryGetValue("decimals", out JsonElement d) ? Decimals(d, path + ".decimals") : settings.ChangeDecimals;
            int small = c.TryGetValue("smallChangeDecimals", out JsonElement s) ? Decimals(s, path + ".smallChangeDecimals") : settings.SmallChangeDecimals;
            decimal below = c.TryGetValue("smallChangeBelowPercent", out JsonElement b) ? NonNegative(b, path + ".smallChangeBelowPercent") : settings.SmallChangeBelowPercent;
            settings = settings.WithChangeRounding(rule, decimals, small, below);
        }

        if (fields.TryGetValue("shareRounding", out JsonElement share))
        {
            const string path = "settings.shareRounding";
            Dictionary<string, JsonElement> s = Fields(share, path, ["decimals", "channelShareRule", "segmentShareMethod", "segmentShareRule"]);
            int decimals = s.TryGetValue("decimals", out JsonElement d) ? Decimals(d, path + ".decimals") : settings.ShareDecimals;
            RoundingRule channelRule = s.TryGetValue("channelShareRule", out JsonElement cr) ? Choice(cr, path + ".channelShareRule", Rules) : settings.ChannelShareRule;
            ShareAllocationMethod method = s.TryGetValue("segmentShareMethod", out JsonElement m) ? Choice(m, path + ".segmentShareMethod", Methods) : settings.SegmentShareMethod;
            RoundingRule segmentRule = s.TryGetValue("segmentShareRule", out JsonElement sr) ? Choice(sr, path + ".segmentShareRule", Rules) : settings.SegmentShareRule;
            settings = settings.WithShareRounding(decimals, channelRule, method, segmentRule);
        }

        if (fields.TryGetValue("significantChangePercent", out JsonElement significant))
        {
            decimal percent = NonNegative(significant, "settings.significantChangePercent");
            settings = percent > 0 ? settings.WithSignificantChange(percent) : throw Fail("settings.significantChangePercent", "must be a positive percent, such as 100; leave the field out to never say \"significant\"");
        }

        if (fields.TryGetValue("topTopics", out JsonElement top))
        {
            settings = settings.WithTopTopics(Whole(top, "settings.topTopics", 0, 100));
        }

        if (fields.TryGetValue("channelChangeDecimals", out JsonElement channels))
        {
            foreach ((string id, JsonElement value) in Fields(channels, "settings.channelChangeDecimals", null))
            {
                string path = "settings.channelChangeDecimals." + id;
                Channel channel = Id(id, path, text => new Channel(text));
                if (!catalog.Contains(channel))
                {
                    throw Fail(path, $"names the channel '{id}', which is not in \"channels\"; use an id of \"channels\" or add the channel there");
                }

                settings = settings.WithChannelChangeDecimals(channel, Decimals(value, path));
            }
        }

        return settings;
    }

    private static readonly (string Name, ServiceLevelDefinition Value)[] Definitions =
    [
        ("answeredOnly", ServiceLevelDefinition.AnsweredOnly), ("abandonedIncluded", ServiceLevelDefinition.AbandonedIncluded),
        ("shortAbandonsExcluded", ServiceLevelDefinition.ShortAbandonsExcluded),
    ];

    // settings.service, read after the holidays so that working time skips them.
    private static ReportSettings Service(JsonElement element, ReportSettings settings, Catalog catalog)
    {
        const string path = "settings.service";
        Dictionary<string, JsonElement> fields = Fields(element, path, ["serviceLevelDefinition", "shortAbandonSeconds", "minSatisfactionResponses", "officeHours", "targets"]);
        ServiceSettings service = ServiceSettings.Default;
        if (fields.TryGetValue("serviceLevelDefinition", out JsonElement definition))
        {
            settings = settings.WithServiceLevelDefinition(Choice(definition, path + ".serviceLevelDefinition", Definitions));
        }

        if (fields.TryGetValue("shortAbandonSeconds", out JsonElement shortAbandon))
        {
            service = service.WithShortAbandonThreshold(NodaTime.Duration.FromSeconds(Whole(shortAbandon, path + ".shortAbandonSeconds", 0, 3600)));
        }

        if (fields.TryGetValue("minSatisfactionResponses", out JsonElement minimum))
        {
            service = service.WithMinSatisfactionResponses(Whole(minimum, path + ".minSatisfactionResponses", 1, 1_000_000));
        }

        if (fields.TryGetValue("officeHours", out JsonElement hours))
        {
            Dictionary<string, JsonElement> h = Fields(hours, path + ".officeHours", ["open", "close"]);
            NodaTime.LocalTime open = Time(Required(h, "open", path + ".officeHours"), path + ".officeHours.open");
            NodaTime.LocalTime close = Time(Required(h, "close", path + ".officeHours"), path + ".officeHours.close");
            if (close <= open)
            {
                throw Fail(path + ".officeHours", "must close after it opens, such as {\"open\": \"08:00\", \"close\": \"17:00\"}");
            }

            service = service.WithWorkingTime(new WorkingTimeCalendar(settings.Calendar.Zone, OfficeHours.Weekdays(open, close), settings.WorkingDays));
        }

        if (fields.TryGetValue("targets", out JsonElement targets))
        {
            foreach ((string id, JsonElement value) in Fields(targets, path + ".targets", null))
            {
                string at = path + ".targets." + id;
                Channel channel = Id(id, at, text => new Channel(text));
                if (!catalog.Contains(channel))
                {
                    throw Fail(at, $"names the channel '{id}', which is not in \"channels\"; use an id of \"channels\" or add the channel there");
                }

                Dictionary<string, JsonElement> t = Fields(value, at, ["seconds", "workingHours"]);
                if (t.Count != 1)
                {
                    throw Fail(at, "must be {\"seconds\": N} or {\"workingHours\": N}");
                }

                ServiceTarget target = t.TryGetValue("seconds", out JsonElement seconds)
                    ? ServiceTarget.Within(NodaTime.Duration.FromSeconds(Whole(seconds, at + ".seconds", 1, 31_536_000)))
                    : service.WorkingTime is not null
                        ? ServiceTarget.WithinWorkingTime(NodaTime.Duration.FromHours(Whole(t["workingHours"], at + ".workingHours", 1, 8_760)))
                        : throw Fail(at + ".workingHours", "needs settings.service.officeHours; add them, or give the target in \"seconds\"");
                service = service.WithTarget(channel, target);
            }
        }

        return settings.WithServiceSettings(service);
    }

    private static NodaTime.LocalTime Time(JsonElement element, string path)
    {
        NodaTime.Text.ParseResult<NodaTime.LocalTime>? parsed = element.ValueKind == JsonValueKind.String
            ? NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(element.GetString()!)
            : null;
        return parsed is { Success: true } ? parsed.Value : throw Fail(path, "must be a time of day as \"HH:mm\", such as \"08:00\"");
    }

    private static WorkingDayCalendar WorkingDays(JsonElement element, string? baseDirectory)
    {
        var streams = new List<Stream>();
        try
        {
            int index = 0;
            foreach (JsonElement file in Array(element, "holidays", nonEmpty: true))
            {
                string path = Item("holidays", index++);
                streams.Add(file.ValueKind switch
                {
                    JsonValueKind.Object => new MemoryStream(Encoding.UTF8.GetBytes(file.GetRawText())),
                    JsonValueKind.String => File.OpenRead(Resolve(file.GetString()!, baseDirectory, path)),
                    _ => throw Fail(path, "must be the path of a holiday file (a string) or a holiday file's object"),
                });
            }

            try
            {
                return WorkingDayCalendar.Read(streams);
            }
            catch (FormatException e)
            {
                throw Fail("holidays", "holds a bad holiday file: " + e.Message.TrimEnd('.') + "; correct the holiday file (its format is that of WorkingDayCalendar.Parse)");
            }
        }
        finally
        {
            foreach (Stream stream in streams)
            {
                stream.Dispose();
            }
        }
    }

    private static ReportWording Wording(JsonElement element, string? baseDirectory)
    {
        string json = element.ValueKind switch
        {
            JsonValueKind.Object => element.GetRawText(),
            JsonValueKind.String => File.ReadAllText(Resolve(element.GetString()!, baseDirectory, "wording"), Encoding.UTF8),
            _ => throw Fail("wording", "must be the wording's object ({\"id\": {…}, \"en\": {…}}) or the path of a wording file (a string)"),
        };
        try
        {
            return ReportWording.Default.WithOverrides(json);
        }
        catch (FormatException e)
        {
            throw Fail("wording", "breaks a rule of the wording format: " + e.Message.TrimEnd('.') + "; the keys and placeholders are those of ReportWording.Default");
        }
    }

    private static string Resolve(string file, string? baseDirectory, string path)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            throw Fail(path, "is an empty path; name the file, relative to the profile file");
        }

        string full = Path.IsPathFullyQualified(file) ? file
            : baseDirectory is not null ? Path.Combine(baseDirectory, file)
            : throw Fail(path, $"names the relative path '{file}', and the profile was read without a folder; read it with ReportProfileFile.ReadFile, pass baseDirectory, or write the file's object inline");
        return File.Exists(full)
            ? full
            : throw Fail(path, $"names '{file}', which does not exist; write the path relative to the profile file's folder");
    }

    private static IEnumerable<(string Text, string Path)> Aliases(Dictionary<string, JsonElement> fields, string path)
    {
        if (!fields.TryGetValue("aliases", out JsonElement aliases))
        {
            yield break;
        }

        int index = 0;
        foreach (JsonElement alias in Array(aliases, path + ".aliases", nonEmpty: false))
        {
            string at = Item(path + ".aliases", index++);
            yield return (Text(alias, at), at);
        }
    }

    private static (string Indonesian, string English) Names(JsonElement element, string path)
    {
        Dictionary<string, JsonElement> names = Fields(element, path, ["id", "en"]);
        return (Text(Required(names, "id", path), path + ".id"), Text(Required(names, "en", path), path + ".en"));
    }

    private static T Id<T>(JsonElement element, string path, Func<string, T> create) => Id(Text(element, path), path, create);

    private static T Id<T>(string text, string path, Func<string, T> create)
    {
        try
        {
            return create(text);
        }
        catch (ArgumentException)
        {
            throw Fail(path, $"'{text}' is not an id; write lower-case letters, digits and '-', such as \"walk-in\"");
        }
    }

    private static T Apply<T>(string path, Func<T> apply)
    {
        try
        {
            return apply();
        }
        catch (ArgumentException e)
        {
            throw Fail(path, "is not allowed: " + e.Message.TrimEnd('.') + "; each id, name and alias may appear once");
        }
    }

    private static T Choice<T>(JsonElement element, string path, (string Name, T Value)[] choices)
    {
        string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        foreach ((string name, T value) in choices)
        {
            if (text == name)
            {
                return value;
            }
        }

        throw Fail(path, "must be one of " + string.Join(", ", choices.Select(c => "\"" + c.Name + "\"")));
    }

    private static int Decimals(JsonElement element, string path) => Whole(element, path, 0, 10);

    private static int Whole(JsonElement element, string path, int min, int max) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value >= min && value <= max
            ? value
            : throw Fail(path, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}"));

    private static decimal NonNegative(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal value) && value >= 0
            ? value
            : throw Fail(path, "must be a number, 0 or more, in percent (10 is 10%)");

    private static string Text(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw Fail(path, "must be a non-blank string");

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string path, bool nonEmpty) =>
        element.ValueKind == JsonValueKind.Array && (!nonEmpty || element.GetArrayLength() > 0)
            ? element.EnumerateArray()
            : throw Fail(path, nonEmpty ? "must be a non-empty array" : "must be an array");

    private static JsonElement Required(Dictionary<string, JsonElement> fields, string name, string parent) =>
        fields.TryGetValue(name, out JsonElement value)
            ? value
            : throw Fail(parent.Length == 0 ? name : parent + "." + name, "is required; add it (see ReportProfileFile's format)");

    // The object's fields; an unknown (when allowed is not null) or repeated field is an error.
    private static Dictionary<string, JsonElement> Fields(JsonElement element, string path, string[]? allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path.Length == 0 ? "the document" : path, "must be a JSON object");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string at = path.Length == 0 ? property.Name : path + "." + property.Name;
            if (allowed is not null && !allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Fail(at, "is not a field of a profile file here; the fields are " + string.Join(", ", allowed) + " (names are case-sensitive)");
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw Fail(at, "appears twice; keep one");
            }
        }

        return fields;
    }

    private static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private static FormatException Fail(string path, string rule) => new($"Profile file: {path} {rule}.");

    private static FormatException NotJson(JsonException e) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Profile file: not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}; write plain JSON without comments or trailing commas."), e);
}
