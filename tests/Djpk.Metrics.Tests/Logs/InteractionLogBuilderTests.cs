using Djpk.Metrics.Logs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Logs;

public class InteractionLogBuilderTests
{
    [Property(MaxTest = 30)]
    public Property Build_ManyUsers_KeepsEachRecordsUserAndCountsDistinctOnes(int seed, bool narrow)
    {
        // Thousands of records take the radix sort; narrow keys leave most bytes equal, so passes are skipped.
        var random = new Random(seed);
        int count = random.Next(256, 6000);
        long[] keys = new long[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = narrow ? random.Next(-300, 300) : random.Next(4) switch
            {
                0 => long.MinValue + random.Next(3),
                1 => long.MaxValue - random.Next(3),
                _ => random.NextInt64(long.MinValue, long.MaxValue),
            };
        }

        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        foreach (long key in keys)
        {
            builder.Add(new Consultation(Instant.FromUtc(2023, 12, 1, 0, 0), DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(key)));
        }

        InteractionLog log = builder.Build();
        return (log.Select(c => c.User.Value).SequenceEqual(keys)
            && log.DistinctUsers == keys.Distinct().Count()
            && log.UserKeys.ToArray().SequenceEqual(keys.Distinct().Order())).ToProperty();
    }
}
