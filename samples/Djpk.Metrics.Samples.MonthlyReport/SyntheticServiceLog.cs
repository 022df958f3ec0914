using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Samples.ReportSample;

/// <summary>A small synthetic consultation log with service columns (first response, end, outcome, agent, case, satisfaction), from a fixed seed.</summary>
/// <remarks>Synthetic data ("data sintetis"), for showing the service-quality section: not DJPK's figures. The same seed gives the same log on every host.</remarks>
internal static class SyntheticServiceLog
{
    /// <summary>The month the sample reports on.</summary>
    public static readonly ReportingPeriod Month = ReportingPeriod.Month(2023, 12);

    /// <summary>Generates about <paramref name="perMonth"/> contacts in each of November and December 2023.</summary>
    public static InteractionLog Generate(int perMonth = 1_500, int seed = 20231231)
    {
        var random = new Random(seed);
        Channel[] channels = [DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.HaiKemenkeu, DjpkChannels.LiveChat];
        int[] weights = [45, 20, 15, 10, 10];
        UserSegment[] segments = [DjpkSegments.Akademisi, DjpkSegments.Pemda, DjpkSegments.KementerianLembaga, DjpkSegments.Lainnya];
        Topic[] topics = [new("DAU"), new("DAK Fisik"), new("Dana Desa"), new("SIKD"), new("Pajak Daerah")];
        DateTimeZone zone = ReportingCalendar.Jakarta.Zone;
        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        long caseNumber = 0;
        foreach (ReportingPeriod month in new[] { Month.Previous(), Month })
        {
            LocalDate first = month.Start;
            int days = first.Calendar.GetDaysInMonth(first.Year, first.Month);
            for (int i = 0; i < perMonth; i++)
            {
                LocalDateTime local = first.PlusDays(random.Next(days)).At(new LocalTime(7 + random.Next(12), random.Next(60), random.Next(60)));
                Instant arrival = local.InZoneLeniently(zone).ToInstant();
                Channel channel = Pick(channels, weights, random);
                bool abandoned = random.NextDouble() < (channel == DjpkChannels.Phone ? 0.09 : channel == DjpkChannels.Email ? 0.0 : 0.03);
                long user = random.Next(perMonth * 2 / 3);
                var record = new Consultation(arrival, channel, segments[random.Next(segments.Length)], topics[random.Next(topics.Length)], new UserKey(user));
                if (abandoned)
                {
                    record = record with { End = arrival + Duration.FromSeconds(3 + random.Next(90)), Outcome = Outcome.Abandoned };
                }
                else
                {
                    Instant response = arrival + ResponseTime(channel, random);
                    record = record with
                    {
                        FirstResponse = response,
                        Agent = new AgentKey(1 + random.Next(8)),
                        Case = new CaseKey(++caseNumber),
                        Outcome = random.NextDouble() < 0.8 ? Outcome.Resolved : Outcome.Unresolved,
                        Satisfaction = random.NextDouble() < 0.3 ? Score(random) : null,
                    };
                    record = record with { End = response + Duration.FromSeconds(60 + random.Next(900)) };
                }

                builder.Add(record);
            }
        }

        return builder.Build();
    }

    private static Duration ResponseTime(Channel channel, Random random)
    {
        // Log-normal waits around each channel's typical reply: seconds on the phone, minutes in chat, hours by e-mail.
        double typical = channel == DjpkChannels.Phone ? 15 : channel == DjpkChannels.LiveChat ? 50 : channel == DjpkChannels.Email ? 4 * 3600 : 480;
        double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Duration.FromSeconds(Math.Max(1, Math.Round(typical * Math.Exp(0.8 * normal))));
    }

    private static int Score(Random random) => random.Next(100) switch
    {
        < 5 => 1,
        < 12 => 2,
        < 25 => 3,
        < 60 => 4,
        _ => 5,
    };

    private static T Pick<T>(T[] items, int[] weights, Random random)
    {
        int roll = random.Next(weights.Sum());
        for (int i = 0; i < items.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }
}
