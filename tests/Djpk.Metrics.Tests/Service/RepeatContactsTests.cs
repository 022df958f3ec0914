using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Service;

public class RepeatContactsTests
{
    private static readonly ReportingCalendar Jakarta = ReportingCalendar.Jakarta;
    private static readonly ReportingPeriod December = ReportingPeriod.Month(2023, 12);

    private static Consultation At(int month, int day, int hour, long user, Channel? channel = null) => new(
        new LocalDateTime(2023, month, day, hour, 0).InZoneStrictly(Jakarta.Zone).ToInstant(),
        channel ?? DjpkChannels.WhatsApp, DjpkSegments.Pemda, default, new UserKey(user));

    private static InteractionLog Log(params Consultation[] records) => new InteractionLogBuilder(DjpkProfile.Catalog).AddRange(records).Build();

    [Fact]
    public void Of_UsersWhoCameBackWithinSevenDaysOnAnyChannel_AreCounted()
    {
        InteractionLog log = Log(
            At(12, 1, 9, 1), At(12, 5, 9, 1, DjpkChannels.Phone),   // back after 4 days on the phone: repeats
            At(12, 1, 9, 2), At(12, 8, 10, 2),                       // 7 days and 1 hour later: no
            At(12, 30, 9, 3), At(1, 2, 9, 3),                        // wait: January 2023, before December: no
            At(12, 31, 9, 4),                                        // once: no
            At(11, 28, 9, 5), At(12, 2, 9, 5),                       // the December contact has no later one: no
            At(12, 10, 9, 6), At(12, 10, 9, 6));                     // two records at one instant are one contact: no

        RepeatContactRate rate = RepeatContacts.Of(log, Jakarta, December);

        Assert.Equal((6L, 1L), (rate.Users, rate.Repeating));
        Assert.Equal("2023-12: 1 of 6 users came back within 7 days", rate.ToString());
        Assert.Equal((2L, 1L), (RepeatContacts.Of(log, Jakarta, December, days: 8).Repeating, RepeatContacts.Of(log, Jakarta, ReportingPeriod.Month(2023, 11)).Repeating)); // November: user 5 only
    }

    [Fact]
    public void Of_EmptyPeriod_IsUndefinedNotNaN()
    {
        RepeatContactRate rate = RepeatContacts.Of(Log(At(12, 1, 9, 1)), Jakarta, ReportingPeriod.Month(2024, 1));

        Assert.False(rate.Share.IsDefined);
        Assert.Null(rate.Share.Percent);
        Assert.Throws<ArgumentOutOfRangeException>(() => RepeatContacts.Of(Log(), Jakarta, December, days: 0));
    }

    // A LINQ oracle over the records, with each record's period from NodaTime directly.
    [Property(MaxTest = 100)]
    public Property Of_EqualsALinqOracle(int seed)
    {
        var random = new Random(seed);
        Consultation[] records = [.. Enumerable.Range(0, random.Next(1, 300)).Select(_ => new Consultation(
            Instant.FromUtc(2023, 11, 1, 0, 0) + Duration.FromMinutes(random.Next(60 * 24 * 75)),
            DjpkChannels.WhatsApp, DjpkSegments.Pemda, default, new UserKey(random.Next(1, 40))))];
        int days = random.Next(1, 10);

        var inDecember = records.Where(r => r.Timestamp.InZone(Jakarta.Zone).Date is { Year: 2023, Month: 12 }).ToArray();
        long users = inDecember.Select(r => r.User).Distinct().LongCount();
        long repeating = inDecember.GroupBy(r => r.User).LongCount(g => g.Any(r => records.Any(o => o.User == r.User
            && o.Timestamp > r.Timestamp && o.Timestamp - r.Timestamp <= Duration.FromDays(days))));

        RepeatContactRate rate = RepeatContacts.Of(Log(records), Jakarta, December, days);
        return (rate.Users == users && rate.Repeating == repeating).Label($"{rate} vs oracle {repeating} of {users}");
    }
}
