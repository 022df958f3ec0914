using System.Globalization;
using NodaTime;
using System.Buffers;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Djpk.Metrics.Ingest;

/// <summary>One way a timestamp may be written in an export: ISO-8601, a NodaTime text pattern, Unix seconds or milliseconds, or an Excel serial date.</summary>
/// <remarks>
/// <para>Immutable. Readers try the formats of <see cref="IngestOptions.TimestampFormats"/> in order and take the first that
/// parses. Patterns are read with the invariant culture, never the machine's. A format without an offset (a local pattern,
/// an Excel serial date, ISO-8601 without one) is read in <see cref="IngestOptions.LocalZone"/>, skipped and repeated local
/// times as <see cref="IngestOptions.LocalTimeResolution"/> says.</para>
/// </remarks>
public sealed class TimestampFormat
{
    /// <summary>Days from 1899-12-30, Excel's day 0, to 1970-01-01.</summary>
    private const long ExcelEpochDays = 25_569;

    /// <summary>The smallest Excel serial accepted: 61 is 1900-03-01, the first day after Excel's non-existent 1900-02-29.</summary>
    private const decimal MinExcelSerial = 61m;

    /// <summary>The largest Excel serial accepted: the last millisecond of 9999-12-31.</summary>
    private const decimal MaxExcelSerial = 2_958_466m;

    private static readonly SearchValues<char> SerialCharacters = SearchValues.Create("0123456789.,");

    private readonly Kind _kind;
    private readonly IPattern<LocalDateTime>? _local;
    private readonly IPattern<OffsetDateTime>? _offset;

    private TimestampFormat(Kind kind, string name, IPattern<LocalDateTime>? local = null, IPattern<OffsetDateTime>? offset = null)
    {
        _kind = kind;
        Name = name;
        _local = local;
        _offset = offset;
    }

    private enum Kind
    {
        Iso,
        Local,
        Offset,
        UnixSeconds,
        UnixMilliseconds,
        ExcelSerial,
    }

    /// <summary>Gets ISO-8601 with or without an offset, as documented in <c>docs/formats.md</c>: the default, and the fastest.</summary>
    public static TimestampFormat Iso { get; } = new(Kind.Iso, "ISO-8601");

    /// <summary>Gets whole seconds since 1970-01-01T00:00:00Z, such as <c>1701656100</c>: an instant, no zone needed.</summary>
    public static TimestampFormat UnixSeconds { get; } = new(Kind.UnixSeconds, "Unix seconds");

    /// <summary>Gets whole milliseconds since 1970-01-01T00:00:00Z, such as <c>1701656100000</c>: an instant, no zone needed.</summary>
    public static TimestampFormat UnixMilliseconds { get; } = new(Kind.UnixMilliseconds, "Unix milliseconds");

    /// <summary>Gets an Excel serial date: days since 1899-12-30 with the time of day as a fraction, such as <c>45264.5868</c> (a <c>,</c> decimal separator also reads), a local time read in the zone and rounded to the millisecond.</summary>
    /// <remarks>Serials from 61 (1900-03-01) on are accepted: Excel counts a 1900-02-29 that did not exist, so earlier serials are off by a day.</remarks>
    public static TimestampFormat ExcelSerial { get; } = new(Kind.ExcelSerial, "Excel serial date");

    /// <summary>Gets the format's name: <c>ISO-8601</c>, the pattern text, <c>Unix seconds</c>, <c>Unix milliseconds</c> or <c>Excel serial date</c>.</summary>
    public string Name { get; }

    /// <summary>Returns the format of a NodaTime text pattern, such as <c>dd/MM/yyyy HH:mm</c> (a local time) or <c>yyyy-MM-dd HH:mm:sso&lt;+HH:mm&gt;</c> (with an offset).</summary>
    /// <param name="pattern">The pattern, read with the invariant culture; with an offset specifier (<c>o&lt;…&gt;</c>) it reads instants, without one local times.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is not a valid NodaTime pattern; the message says why.</exception>
    public static TimestampFormat Pattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        try
        {
            return pattern.Contains("o<", StringComparison.Ordinal)
                ? new TimestampFormat(Kind.Offset, pattern, offset: OffsetDateTimePattern.Create(pattern, CultureInfo.InvariantCulture, OffsetDateTimePattern.GeneralIso.TemplateValue))
                : new TimestampFormat(Kind.Local, pattern, local: LocalDateTimePattern.Create(pattern, CultureInfo.InvariantCulture));
        }
        catch (InvalidPatternException e)
        {
            throw new ArgumentException($"The timestamp pattern '{pattern}' is not a valid NodaTime pattern: {e.Message} Write it as in NodaTime's LocalDateTimePattern, such as 'dd/MM/yyyy HH:mm'.", nameof(pattern), e);
        }
    }

    /// <summary>Returns the format's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    internal bool IsIso => _kind == Kind.Iso;

    /// <summary>Parses <paramref name="s"/> in this format; <paramref name="resolved"/> says a skipped or repeated local time was resolved by the policy.</summary>
    internal bool TryParse(ReadOnlySpan<char> s, DateTimeZone? zone, LocalTimeResolution resolution, out long unixTicks, out bool resolved, out RejectionReason reason, out string message)
    {
        unixTicks = 0;
        resolved = false;
        reason = RejectionReason.InvalidTimestamp;
        switch (_kind)
        {
            case Kind.Iso:
                return TimestampText.TryParse(s, zone, resolution, out unixTicks, out resolved, out reason, out message);
            case Kind.UnixSeconds or Kind.UnixMilliseconds:
                s = s.Trim();
                if (!IsInteger(s) || !long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long count))
                {
                    message = $"The timestamp must be a whole number of {(_kind == Kind.UnixSeconds ? "seconds" : "milliseconds")} since 1970-01-01T00:00:00Z.";
                    return false;
                }

                long perUnit = _kind == Kind.UnixSeconds ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMillisecond;
                if (count > long.MaxValue / perUnit || count < long.MinValue / perUnit || !TimestampText.IsSupported(count * perUnit))
                {
                    message = TimestampText.OutOfRangeMessage;
                    return false;
                }

                unixTicks = count * perUnit;
                message = string.Empty;
                reason = default;
                return true;
            case Kind.ExcelSerial:
                s = s.Trim();
                Span<char> copy = stackalloc char[Math.Min(s.Length, 64)];
                if (s.Length > 64 || s.IsEmpty || s.ContainsAnyExcept(SerialCharacters) || s.IndexOfAny('.', ',') != s.LastIndexOfAny('.', ','))
                {
                    message = "An Excel serial date must be a number of days since 1899-12-30, such as 45264.5868.";
                    return false;
                }

                s.CopyTo(copy);
                copy.Replace(',', '.');
                decimal serial = decimal.Parse(copy[..s.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                if (serial < MinExcelSerial || serial >= MaxExcelSerial)
                {
                    message = "An Excel serial date must be from 61 (1900-03-01) to 2958465 (9999-12-31); earlier serials count Excel's non-existent 1900-02-29.";
                    return false;
                }

                long milliseconds = (long)Math.Round(serial * 86_400_000m, MidpointRounding.AwayFromZero);
                LocalDateTime excel = new LocalDateTime(1970, 1, 1, 0, 0).PlusMilliseconds(milliseconds - (ExcelEpochDays * 86_400_000L));
                return InZone(excel, zone, resolution, out unixTicks, out resolved, out reason, out message);
            case Kind.Local:
                ParseResult<LocalDateTime> local = _local!.Parse(s.Trim().ToString());
                if (!local.Success)
                {
                    message = $"The timestamp does not match the pattern '{Name}'; declare the export's format with IngestOptions.WithTimestampFormats.";
                    return false;
                }

                return InZone(local.Value, zone, resolution, out unixTicks, out resolved, out reason, out message);
            default:
                ParseResult<OffsetDateTime> offset = _offset!.Parse(s.Trim().ToString());
                if (!offset.Success)
                {
                    message = $"The timestamp does not match the pattern '{Name}'; declare the export's format with IngestOptions.WithTimestampFormats.";
                    return false;
                }

                unixTicks = offset.Value.ToInstant().ToUnixTimeTicks();
                return Supported(ref unixTicks, out reason, out message);
        }
    }

    /// <summary>Maps a local time to an instant in <paramref name="zone"/>, resolving skipped and repeated times by <paramref name="resolution"/>.</summary>
    internal static bool InZone(LocalDateTime local, DateTimeZone? zone, LocalTimeResolution resolution, out long unixTicks, out bool resolved, out RejectionReason reason, out string message)
    {
        unixTicks = 0;
        resolved = false;
        if (zone is null)
        {
            reason = RejectionReason.MissingOffset;
            message = "The timestamp has no offset; give it one (Z or +07:00) or name the zone to read it in with IngestOptions.WithLocalZone.";
            return false;
        }

        reason = RejectionReason.InvalidTimestamp;
        if (local.Calendar != CalendarSystem.Iso || local.Year < 1)
        {
            message = TimestampText.OutOfRangeMessage;
            return false;
        }

        ZoneLocalMapping mapping = zone.MapLocal(local);
        Instant instant;
        if (mapping.Count == 1)
        {
            instant = mapping.Single().ToInstant();
        }
        else if (resolution == LocalTimeResolution.Reject)
        {
            message = $"The local time is {(mapping.Count == 0 ? "skipped" : "ambiguous")} in {zone.Id}; give it an offset, or choose IngestOptions.WithLocalTimeResolution(Earlier or Later).";
            return false;
        }
        else
        {
            resolved = true;
            instant = mapping.Count == 0
                ? Resolvers.ReturnForwardShifted(local, zone, mapping.EarlyInterval, mapping.LateInterval).ToInstant()
                : (resolution == LocalTimeResolution.Earlier ? mapping.First() : mapping.Last()).ToInstant();
        }

        unixTicks = instant.ToUnixTimeTicks();
        return Supported(ref unixTicks, out reason, out message);
    }

    private static bool Supported(ref long unixTicks, out RejectionReason reason, out string message)
    {
        if (TimestampText.IsSupported(unixTicks))
        {
            reason = default;
            message = string.Empty;
            return true;
        }

        unixTicks = 0;
        reason = RejectionReason.InvalidTimestamp;
        message = TimestampText.OutOfRangeMessage;
        return false;
    }

    private static bool IsInteger(ReadOnlySpan<char> s)
    {
        ReadOnlySpan<char> digits = !s.IsEmpty && s[0] == '-' ? s[1..] : s;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
