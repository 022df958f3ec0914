using System.Text;
using Djpk.Metrics.Ingest;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>
/// The fast paths read a timestamp from its UTF-8 bytes. Two laws: the bytes and the characters of any text give the same
/// answer (the same instant, or both a refusal), and a well-formed text is the instant NodaTime's own pattern parser gives.
/// The texts are NodaTime-formatted instants in every shape the grammar allows, then cut, widened or given a character
/// that is not ASCII.
/// </summary>
public class TimestampUtf8Properties
{
    private static readonly string[] Zones = ["Asia/Jakarta", "Europe/London", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Kiritimati"];

    private static readonly string[] Shapes =
    [
        "uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>", "uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFo<+HH:mm>", "uuuu'-'MM'-'dd'T'HH':'mmo<+HH>",
        "uuuu'-'MM'-'dd'T'HH':'mm':'ss.fffffffffo<+HHmm>", "uuuu'-'MM'-'dd't'HH':'mm':'ss,fo<Z+HH:mm:ss>", "uuuu'-'MM'-'dd'T'HH':'mm':'ss.ffffo<+HH:mm>",
    ];

    private static readonly string[] Odd = ["", "2023", "2023-12-05T10:00", "2023-12-05T10:00:60Z", "2023-02-29T10:00Z", "0000-01-01T00:00Z", "9999-12-31T23:59:59+18:00", "2023-12-05T10:00:00+18:01", "2023-12-05T10:00:00.1234567890Z", "2023-12-05T10:00:00.Z", "2023-12-05T10:00:00z", "2023-12-05T24:00Z", "2023-12-05T10:00:00+07:0"];

    [Property(MaxTest = 400)]
    public Property Utf8AndCharacters_AgreeOnAnyText(long seed, int shape, int cut, char replacement, bool local)
    {
        string text = Mutated(seed, shape, cut, replacement);
        DateTimeZone? zone = local ? DateTimeZoneProviders.Tzdb[Zones[(int)((ulong)seed % (ulong)Zones.Length)]] : null;
        foreach (LocalTimeResolution resolution in new[] { LocalTimeResolution.Reject, LocalTimeResolution.Earlier, LocalTimeResolution.Later })
        {
            bool fromChars = TimestampText.TryParse(text, zone, resolution, out long charTicks, out bool charResolved, out _, out _);
            bool fromBytes = TimestampText.TryParseUtf8(Encoding.UTF8.GetBytes(text), zone, resolution, out long byteTicks, out bool byteResolved, out _, out _);
            if (fromChars != fromBytes || (fromChars && (charTicks != byteTicks || charResolved != byteResolved)))
            {
                return false.Label($"'{text}' in {zone?.Id ?? "no zone"}: characters {fromChars} {charTicks}, bytes {fromBytes} {byteTicks}");
            }
        }

        return true.ToProperty();
    }

    /// <summary>The shortcut for the exporters' shape accepts only what the whole grammar accepts, with the same instant, for characters and bytes.</summary>
    [Property(MaxTest = 600)]
    public Property CommonShape_AcceptsOnlyWhatTheGrammarAccepts(long seed, int shape, int cut, char replacement)
    {
        string text = Mutated(seed, shape, cut, replacement);
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        bool grammar = TimestampText.ParseGrammar<char>(text, null, LocalTimeResolution.Reject, out long expected, out _, out _, out _);
        bool chars = TimestampText.TryCommonShape<char>(text, out long fromChars);
        bool bytes = TimestampText.TryCommonShape<byte>(utf8, out long fromBytes);
        return ((!chars || (grammar && fromChars == expected)) && (!bytes || (grammar && fromBytes == expected)) && chars == bytes)
            .Label($"'{text}': grammar {grammar} {expected}, shortcut {chars} {fromChars} / {bytes} {fromBytes}");
    }

    /// <summary>The shortcut takes the shape the library's writers and the common exporters write, so the fast path is the usual one.</summary>
    [Theory]
    [InlineData("2023-12-05T10:21:33+07:00")]
    [InlineData("2023-12-05T10:21:33.1234567+07:00")]
    [InlineData("2023-12-05T10:21:33.123456789-03:30")]
    [InlineData("2023-12-05T10:21:33Z")]
    [InlineData("2023-12-05T10:21:33.5Z")]
    [InlineData("2023-12-05T10:21:33+07")]
    public void CommonShape_TakesTheWritersShape(string text)
    {
        Assert.True(TimestampText.TryCommonShape<char>(text, out long shortcut));
        Assert.True(TimestampText.ParseGrammar<char>(text, null, LocalTimeResolution.Reject, out long grammar, out _, out _, out _));
        Assert.Equal(grammar, shortcut);
        Assert.Equal(OffsetDateTimePattern.ExtendedIso.Parse(text.Replace("+07", "+07", StringComparison.Ordinal)).Value.ToInstant().ToUnixTimeTicks(), shortcut);
    }

    [Property(MaxTest = 300)]
    public Property WellFormedUtf8_IsNodaTimesInstant(long seed, int shape)
    {
        (string text, Instant expected) = Formatted(seed, shape);
        bool read = TimestampText.TryParseUtf8(Encoding.UTF8.GetBytes(text), null, LocalTimeResolution.Reject, out long ticks, out _, out _, out string message);
        return (read && ticks == expected.ToUnixTimeTicks()).Label($"'{text}': {read} {ticks} ({message}), NodaTime {expected.ToUnixTimeTicks()}");
    }

    [Fact]
    public void OddTexts_BytesAndCharactersAgree()
    {
        foreach (string text in Odd)
        {
            bool fromChars = TimestampText.TryParse(text, null, out long charTicks, out _, out _);
            bool fromBytes = TimestampText.TryParseUtf8(Encoding.UTF8.GetBytes(text), null, LocalTimeResolution.Reject, out long byteTicks, out _, out _, out _);
            Assert.True(fromChars == fromBytes && charTicks == byteTicks, text);
        }

        Assert.False(TimestampText.TryParseUtf8("2023-12-05T10:00:60Z"u8, null, LocalTimeResolution.Reject, out _, out _, out _, out _));
        Assert.True(TimestampText.TryParseUtf8("2023-12-05 10:00+07"u8, null, LocalTimeResolution.Reject, out long ticks, out _, out _, out _));
        Assert.Equal(Instant.FromUtc(2023, 12, 5, 3, 0).ToUnixTimeTicks(), ticks);
    }

    // An instant in the supported range at an offset, in one of the shapes, and the instant the text names (its fraction cut to ticks).
    private static (string Text, Instant Instant) Formatted(long seed, int shape)
    {
        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        long span = TimestampText.MaxInstantTicks - TimestampText.MinInstantTicks;
        long ticks = TimestampText.MinInstantTicks + (long)(random.NextDouble() * span);
        int offsetSeconds = random.Next(4) switch
        {
            0 => 0,
            1 => random.Next(-18, 19) * 3600,
            2 => random.Next(-18 * 4, (18 * 4) + 1) * 900,
            _ => random.Next(-18 * 3600, (18 * 3600) + 1),
        };
        string pattern = Shapes[(int)((uint)shape % Shapes.Length)];
        if (!pattern.Contains(":ss>", StringComparison.Ordinal))
        {
            offsetSeconds -= offsetSeconds % (pattern.Contains("<+HH>", StringComparison.Ordinal) ? 3600 : 60);
        }

        var offset = Offset.FromSeconds(offsetSeconds);
        OffsetDateTime at = Instant.FromUnixTimeTicks(ticks).WithOffset(offset);
        if (at.Year is < 1 or > 9999)
        {
            at = Instant.FromUnixTimeTicks(0).WithOffset(offset);
        }

        string text = OffsetDateTimePattern.CreateWithInvariantCulture(pattern).Format(at);
        OffsetDateTime named = OffsetDateTimePattern.CreateWithInvariantCulture(pattern).Parse(text).Value;
        return (text, named.ToInstant());
    }

    // A formatted text, then perhaps cut short, given a character, or stripped of its offset.
    private static string Mutated(long seed, int shape, int cut, char replacement)
    {
        (string text, _) = Formatted(seed, shape);
        int at = (int)((uint)cut % (uint)(text.Length + 1));
        return ((uint)cut % 7) switch
        {
            0 => text,
            1 => text[..at],
            2 => at < text.Length ? string.Concat(text.AsSpan(0, at), replacement.ToString(), text.AsSpan(at + 1)) : text + replacement,
            3 => string.Concat(text.AsSpan(0, at), replacement.ToString(), text.AsSpan(at)),
            4 => Odd[(int)((uint)seed % Odd.Length)],
            5 => text.Length > 19 ? text[..19] : text,
            _ => text.Replace('1', '١'),
        };
    }
}
