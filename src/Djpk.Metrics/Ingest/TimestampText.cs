using System.Numerics;
using System.Runtime.CompilerServices;
using Djpk.Metrics.Periods;
using NodaTime;
using NodaTime.TimeZones;

namespace Djpk.Metrics.Ingest;

/// <summary>Parses and formats the ISO-8601 timestamps of the log formats, exactly to the tick, without allocating.</summary>
/// <remarks>
/// Accepted: <c>YYYY-MM-DD</c>, then <c>T</c> or a space, then <c>hh:mm</c>, optional <c>:ss</c> and a fraction of 1 to
/// 9 digits (after the 7th truncated), then <c>Z</c> or an offset <c>±hh</c>, <c>±hh:mm</c>, <c>±hhmm</c> or
/// <c>±hh:mm:ss</c> up to 18 hours. Years 0001 to 9999. The instant must be in the supported range
/// <see cref="MinInstantTicks"/> to <see cref="MaxInstantTicks"/>: the instants whose local time is in the years
/// 0001 to 9999 (up to 9999-12-26, the last day of the last whole ISO week) at every offset from -18 to +18 hours, so that every calendar, aggregator and writer can take them.
/// </remarks>
internal static class TimestampText
{
    /// <summary>Days from 0001-01-01 to 1970-01-01.</summary>
    private const long EpochDays = 719_162;
    private const long TicksPerSecond = 10_000_000;
    private const long TicksPerDay = 864_000_000_000;

    /// <summary>Ticks per unit of a fraction's last digit, by its number of digits (up to 7).</summary>
    private static readonly long[] TickScale = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    /// <summary>The longest text <see cref="Format"/> writes.</summary>
    public const int MaxFormattedLength = 40;

    public static readonly long MinTicks = Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeTicks();
    public static readonly long MaxTicks = Instant.FromUtc(9999, 12, 31, 23, 59, 59).ToUnixTimeTicks() + TicksPerSecond - 1;

    /// <summary>The first instant a reader accepts, 0001-01-01T18:00:00Z: 0001-01-01T00:00 at offset -18:00.</summary>
    public static readonly long MinInstantTicks = MinTicks + (18 * 3600 * TicksPerSecond);

    /// <summary>The last instant a reader accepts, 9999-12-26T05:59:59.9999999Z: the last tick of 9999-12-26 at offset +18:00.</summary>
    /// <remarks>9999-12-26 is the Sunday that ends the last ISO week wholly in year 9999; the days after it are in a week that
    /// ends in year 10000, which no period can name, so an instant there could be read but not counted by week.</remarks>
    public static readonly long MaxInstantTicks = Instant.FromUtc(9999, 12, 26, 5, 59, 59).ToUnixTimeTicks() + TicksPerSecond - 1;

    /// <summary>The rejection message for an instant outside the supported range.</summary>
    public const string OutOfRangeMessage =
        "The instant must be from 0001-01-01T18:00:00Z to 9999-12-26T05:59:59.9999999Z, so that its local time is from 0001-01-01 to 9999-12-26 (the end of the last ISO week of 9999) in every zone.";

    /// <summary>Returns whether the instant is in the range every reader accepts and every calendar, aggregator and writer supports.</summary>
    public static bool IsSupported(long unixTicks) => unixTicks >= MinInstantTicks && unixTicks <= MaxInstantTicks;

    public static bool TryParse(ReadOnlySpan<char> s, DateTimeZone? zone, out long unixTicks, out RejectionReason reason, out string message) =>
        TryParse(s, zone, LocalTimeResolution.Reject, out unixTicks, out _, out reason, out message);

    /// <summary>Parses ISO-8601; a local time the zone skips or repeats is resolved by <paramref name="resolution"/> (<paramref name="resolved"/> says so) or rejected.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, DateTimeZone? zone, LocalTimeResolution resolution, out long unixTicks, out bool resolved, out RejectionReason reason, out string message) =>
        Parse(s, zone, resolution, out unixTicks, out resolved, out reason, out message);

    /// <summary>Parses ISO-8601 from its UTF-8 bytes, exactly as <see cref="TryParse(ReadOnlySpan{char}, DateTimeZone?, LocalTimeResolution, out long, out bool, out RejectionReason, out string)"/> parses the same text.</summary>
    /// <remarks>Every byte the grammar accepts is ASCII, so text with any other character is rejected by both.</remarks>
    public static bool TryParseUtf8(ReadOnlySpan<byte> s, DateTimeZone? zone, LocalTimeResolution resolution, out long unixTicks, out bool resolved, out RejectionReason reason, out string message) =>
        Parse(s, zone, resolution, out unixTicks, out resolved, out reason, out message);

    // The shape exporters write, in one unrolled pass, then the whole grammar for everything else.
    private static bool Parse<T>(ReadOnlySpan<T> s, DateTimeZone? zone, LocalTimeResolution resolution, out long unixTicks, out bool resolved, out RejectionReason reason, out string message)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (TryCommonShape(s, out unixTicks))
        {
            resolved = false;
            reason = default;
            message = string.Empty;
            return true;
        }

        return ParseGrammar(s, zone, resolution, out unixTicks, out resolved, out reason, out message);
    }

    /// <summary>Reads <c>YYYY-MM-DDThh:mm:ss</c>, an optional <c>.</c> and 1 to 9 fraction digits, then <c>Z</c>, <c>±hh</c> or <c>±hh:mm</c>: true only with the instant <see cref="ParseGrammar"/> gives the same text; false (having decided nothing) for any other text, which the grammar then reads.</summary>
    internal static bool TryCommonShape<T>(ReadOnlySpan<T> s, out long unixTicks)
        where T : unmanaged, IBinaryInteger<T>
    {
        // Every value below is bounded (digits, years to 9999, offsets to 18 hours): nothing can overflow, so no checks.
        unchecked
        {
            unixTicks = 0;
            if (s.Length < 20 || s[4] != T.CreateTruncating('-') || s[7] != T.CreateTruncating('-') || s[10] != T.CreateTruncating('T')
                || s[13] != T.CreateTruncating(':') || s[16] != T.CreateTruncating(':'))
            {
                return false;
            }

            int y0 = Digit(s[0]), y1 = Digit(s[1]), y2 = Digit(s[2]), y3 = Digit(s[3]), mo0 = Digit(s[5]), mo1 = Digit(s[6]), d0 = Digit(s[8]), d1 = Digit(s[9]);
            int h0 = Digit(s[11]), h1 = Digit(s[12]), mi0 = Digit(s[14]), mi1 = Digit(s[15]), s0 = Digit(s[17]), s1 = Digit(s[18]);
            if ((y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1) < 0) // Digit is -1 for anything but a digit
            {
                return false;
            }

            int year = (y0 * 1000) + (y1 * 100) + (y2 * 10) + y3, month = (mo0 * 10) + mo1, day = (d0 * 10) + d1;
            int hour = (h0 * 10) + h1, minute = (mi0 * 10) + mi1, second = (s0 * 10) + s1;
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            // The offset, read from the end: Z, ±hh:mm or ±hh; what lies between it and the seconds is the fraction.
            int end = s.Length, offsetStart;
            long offsetSeconds;
            if (s[end - 1] == T.CreateTruncating('Z'))
            {
                offsetStart = end - 1;
                offsetSeconds = 0;
            }
            else
            {
                bool minutes = end >= 25 && s[end - 3] == T.CreateTruncating(':');
                offsetStart = minutes ? end - 6 : end - 3;
                T sign = s[offsetStart];
                if (offsetStart < 19 || (sign != T.CreateTruncating('+') && sign != T.CreateTruncating('-')))
                {
                    return false;
                }

                int oh0 = Digit(s[offsetStart + 1]), oh1 = Digit(s[offsetStart + 2]), om0 = minutes ? Digit(s[end - 2]) : 0, om1 = minutes ? Digit(s[end - 1]) : 0;
                if ((oh0 | oh1 | om0 | om1) < 0 || om0 > 5)
                {
                    return false;
                }

                offsetSeconds = (((oh0 * 10) + oh1) * 3600L) + (((om0 * 10) + om1) * 60L);
                if (offsetSeconds > 18 * 3600)
                {
                    return false;
                }

                offsetSeconds = sign == T.CreateTruncating('-') ? -offsetSeconds : offsetSeconds;
            }

            long fraction = 0;
            if (offsetStart > 19)
            {
                int count = offsetStart - 20;
                if (s[19] != T.CreateTruncating('.') || count is 0 or > 9)
                {
                    return false;
                }

                int bad = 0;
                long value = 0;
                for (int i = 20; i < offsetStart; i++)
                {
                    int digit = Digit(s[i]);
                    bad |= digit;
                    value = i < 27 ? (value * 10) + digit : value; // digits after the 7th are below a tick: truncated, as the grammar does
                }

                if (bad < 0)
                {
                    return false;
                }

                fraction = value * TickScale[Math.Min(count, 7)];
            }

            unixTicks = ((CivilDays.FromDate(year, month, day) - EpochDays) * TicksPerDay)
                + ((((hour * 60L) + minute) * 60L) + second - offsetSeconds) * TicksPerSecond + fraction;
            return IsSupported(unixTicks);
        }
    }

    // The whole grammar, once for characters and for UTF-8 bytes: the JIT makes a copy for each.
    internal static bool ParseGrammar<T>(ReadOnlySpan<T> s, DateTimeZone? zone, LocalTimeResolution resolution, out long unixTicks, out bool resolved, out RejectionReason reason, out string message)
        where T : unmanaged, IBinaryInteger<T>
    {
        resolved = false;
        unixTicks = 0;
        reason = RejectionReason.InvalidTimestamp;
        message = "The timestamp must be ISO-8601, such as 2023-12-04T09:15:00+07:00.";
        if (s.Length < 16 || s[4] != T.CreateTruncating('-') || s[7] != T.CreateTruncating('-') || (s[10] != T.CreateTruncating('T') && s[10] != T.CreateTruncating('t') && s[10] != T.CreateTruncating(' ')) || s[13] != T.CreateTruncating(':'))
        {
            return false;
        }

        if (!Digits(s, 0, 4, out int year) || !Digits(s, 5, 2, out int month) || !Digits(s, 8, 2, out int day)
            || !Digits(s, 11, 2, out int hour) || !Digits(s, 14, 2, out int minute))
        {
            return false;
        }

        int second = 0;
        long fraction = 0;
        int i = 16;
        if (i < s.Length && s[i] == T.CreateTruncating(':'))
        {
            if (!Digits(s, i + 1, 2, out second))
            {
                return false;
            }

            i += 3;
            if (i < s.Length && (s[i] == T.CreateTruncating('.') || s[i] == T.CreateTruncating(',')))
            {
                int start = ++i;
                long scale = 1_000_000;
                while (i < s.Length && Digit(s[i]) >= 0)
                {
                    if (scale > 0)
                    {
                        fraction += Digit(s[i]) * scale;
                        scale /= 10;
                    }

                    i++;
                }

                if (i == start || i - start > 9)
                {
                    return false;
                }
            }
        }

        if (second == 60 && year >= 1 && hour <= 23 && minute <= 59)
        {
            message = "The timestamp names a leap second (:60), which instants do not have; write it as :59 or the next minute's :00.";
            return false;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            message = "The timestamp names a date or time that does not exist.";
            return false;
        }

        long localTicks = ((CivilDays.FromDate(year, month, day) - EpochDays) * TicksPerDay)
            + ((((hour * 60L) + minute) * 60L) + second) * TicksPerSecond + fraction;
        long offsetSeconds;
        if (i == s.Length)
        {
            if (zone is null)
            {
                reason = RejectionReason.MissingOffset;
                message = "The timestamp has no offset; give it one (Z or +07:00) or name the zone to read it in.";
                return false;
            }

            var local = new LocalDateTime(year, month, day, hour, minute, second).PlusTicks(fraction);
            return TimestampFormat.InZone(local, zone, resolution, out unixTicks, out resolved, out reason, out message);
        }

        if ((s[i] == T.CreateTruncating('Z') || s[i] == T.CreateTruncating('z')) && i + 1 == s.Length)
        {
            offsetSeconds = 0;
        }
        else if (!TryOffset(s[i..], out offsetSeconds))
        {
            return false;
        }

        unixTicks = localTicks - (offsetSeconds * TicksPerSecond);
        if (!IsSupported(unixTicks))
        {
            unixTicks = 0;
            message = OutOfRangeMessage;
            return false;
        }

        reason = default;
        message = string.Empty;
        return true;
    }

    /// <summary>Writes the instant as it reads at <paramref name="offsetSeconds"/>, such as <c>2023-12-04T09:15:00+07:00</c> or <c>…Z</c> at offset 0.</summary>
    /// <returns>The number of characters written.</returns>
    public static int Format(long unixTicks, int offsetSeconds, Span<char> destination)
    {
        long local = unixTicks + (offsetSeconds * TicksPerSecond);
        long days = Math.DivRem(local, TicksPerDay, out long ofDay);
        if (ofDay < 0)
        {
            ofDay += TicksPerDay;
            days--;
        }

        (int year, int month, int day) = CivilDays.ToDate((int)(days + EpochDays));
        long seconds = ofDay / TicksPerSecond;
        long fraction = ofDay % TicksPerSecond;
        int n = 0;
        Put(destination, ref n, year, 4);
        destination[n++] = '-';
        Put(destination, ref n, month, 2);
        destination[n++] = '-';
        Put(destination, ref n, day, 2);
        destination[n++] = 'T';
        Put(destination, ref n, (int)(seconds / 3600), 2);
        destination[n++] = ':';
        Put(destination, ref n, (int)(seconds / 60 % 60), 2);
        destination[n++] = ':';
        Put(destination, ref n, (int)(seconds % 60), 2);
        if (fraction != 0)
        {
            destination[n++] = '.';
            int digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            Put(destination, ref n, (int)fraction, digits);
        }

        if (offsetSeconds == 0)
        {
            destination[n++] = 'Z';
            return n;
        }

        destination[n++] = offsetSeconds < 0 ? '-' : '+';
        int magnitude = Math.Abs(offsetSeconds);
        Put(destination, ref n, magnitude / 3600, 2);
        destination[n++] = ':';
        Put(destination, ref n, magnitude / 60 % 60, 2);
        if (magnitude % 60 != 0)
        {
            destination[n++] = ':';
            Put(destination, ref n, magnitude % 60, 2);
        }

        return n;
    }

    private static bool TryOffset<T>(ReadOnlySpan<T> s, out long offsetSeconds)
        where T : unmanaged, IBinaryInteger<T>
    {
        offsetSeconds = 0;
        if (s.Length < 3 || (s[0] != T.CreateTruncating('+') && s[0] != T.CreateTruncating('-')) || !Digits(s, 1, 2, out int hours))
        {
            return false;
        }

        int minutes = 0, seconds = 0;
        ReadOnlySpan<T> rest = s[3..];
        bool valid = rest.Length switch
        {
            0 => true,
            2 => Digits(rest, 0, 2, out minutes),
            3 => rest[0] == T.CreateTruncating(':') && Digits(rest, 1, 2, out minutes),
            6 => rest[0] == T.CreateTruncating(':') && rest[3] == T.CreateTruncating(':') && Digits(rest, 1, 2, out minutes) && Digits(rest, 4, 2, out seconds),
            _ => false,
        };
        if (!valid)
        {
            return false;
        }

        if (minutes > 59 || seconds > 59)
        {
            return false;
        }

        offsetSeconds = (((hours * 60L) + minutes) * 60L) + seconds;
        if (offsetSeconds > 18 * 3600)
        {
            return false;
        }

        offsetSeconds = s[0] == T.CreateTruncating('-') ? -offsetSeconds : offsetSeconds;
        return true;
    }

    private static bool Digits<T>(ReadOnlySpan<T> s, int start, int count, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            int digit = Digit(s[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    // The value of an ASCII digit, else -1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digit<T>(T c)
        where T : unmanaged, IBinaryInteger<T>
    {
        uint value = unchecked(uint.CreateTruncating(c) - '0'); // below '0' wraps past 9
        return value <= 9 ? (int)value : -1;
    }

    private static void Put(Span<char> destination, ref int n, int value, int width)
    {
        for (int i = width - 1; i >= 0; i--)
        {
            destination[n + i] = (char)('0' + (value % 10));
            value /= 10;
        }

        n += width;
    }
}
