using Djpk.Metrics.Profiles;
using Djpk.Metrics;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Formatting;
using NodaTime;

// 1. A log of 2023's consultations. Here 20,000 are generated from a fixed seed; an app reads its exports instead.
var random = new Random(2023);
Channel[] channels = [DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.HaiKemenkeu, DjpkChannels.LiveChat];
UserSegment[] segments = [DjpkSegments.Pemda, DjpkSegments.Lainnya, DjpkSegments.KementerianLembaga, DjpkSegments.Akademisi];
Topic[] topics = [new("Reservasi"), new("DBH"), new("DAK Non Fisik"), new("Permintaan Data"), new("Surat Masuk")];
Instant newYear = Instant.FromUtc(2022, 12, 31, 17, 0); // 2023-01-01 00:00 in Jakarta (UTC+7)
var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
for (int i = 0; i < 20_000; i++)
{
    builder.Add(new Consultation(
        newYear + Duration.FromSeconds(random.NextInt64(365L * 24 * 3600)),
        channels[Pick([76, 10, 8, 4, 2])],
        segments[Pick([78, 13, 6, 3])],
        topics[Pick([40, 25, 15, 12, 8])],
        new UserKey(random.Next(6_000))));
}

InteractionLog log = builder.Build();

// 5 (run with arguments). Cubes between processes: `--part I N FILE` aggregates only part I of N of the log (consecutive
// records) and writes its counts and distinct users to FILE in the binary cube form; another process reads the parts
// with CountCube.ReadFrom / DistinctUserCube.ReadFrom and merges them into the cube of the whole log.
if (args is ["--part", string partText, string partsText, string file])
{
    int part = int.Parse(partText, System.Globalization.CultureInfo.InvariantCulture);
    int parts = int.Parse(partsText, System.Globalization.CultureInfo.InvariantCulture);
    InteractionLog slice = new InteractionLogBuilder(DjpkProfile.Catalog)
        .AddRange(log.Skip(log.Count * part / parts).Take((log.Count * (part + 1) / parts) - (log.Count * part / parts)))
        .Build();
    var partAggregator = new Aggregator(ReportingCalendar.Jakarta);
    AggregationRequest request = AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel | AggregationDimensions.Segment);
    using FileStream output = File.Create(file);
    partAggregator.Count(slice, request).WriteTo(output);
    partAggregator.CountDistinctUsers(slice, request).WriteTo(output);
    return;
}
ReportFormatter en = ReportFormatter.English;
Console.WriteLine($"Log: {en.FormatCount(log.Count)} consultations by {en.FormatCount(log.DistinctUsers)} users, {en.FormatCount(log.ColumnBytes / log.Count)} bytes per record");

// 2. Counts per month in Asia/Jakarta, by channel and topic.
var aggregator = new Aggregator(ReportingCalendar.Jakarta);
CountCube months = aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month)
    .Within(PeriodRange.MonthsOf(2023))
    .By(AggregationDimensions.Channel | AggregationDimensions.Topic));
ReportingPeriod december = ReportingPeriod.Month(2023, 12);
Console.WriteLine($"{december}: {months.Count(december)} consultations, {months.Count(december, DjpkChannels.Phone)} by phone, {months.YearToDate(december)} in the year to date");
Console.WriteLine($"Top phone topics in {december}: {string.Join(", ", months.TopTopics(december, DjpkChannels.Phone, 3)!)}");
Console.WriteLine($"Phone per month: {string.Join(" ", months.Series(DjpkChannels.Phone))}");

// 3. Distinct users: per month, and over the whole year by segment (a union, never a sum of months).
DistinctUserCube users = aggregator.CountDistinctUsers(log, AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Segment));
foreach (UserSegment segment in segments)
{
    Console.WriteLine($"Users in 2023, {segment}: {users.CountBetween(ReportingPeriod.Month(2023, 1), december, segment: segment)}");
}

// 4. Shards merge exactly: aggregate two halves separately (two files, two processes, two machines) and merge.
InteractionLog firstHalf = new InteractionLogBuilder(DjpkProfile.Catalog).AddRange(log.Take(10_000)).Build();
InteractionLog secondHalf = new InteractionLogBuilder(DjpkProfile.Catalog).AddRange(log.Skip(10_000)).Build();
AggregationRequest perMonth = AggregationRequest.PerPeriod(PeriodGrain.Month).Within(PeriodRange.MonthsOf(2023));
CountCube merged = aggregator.Count(firstHalf, perMonth).Merge(aggregator.Count(secondHalf, perMonth));
DistinctUserCube mergedUsers = aggregator.CountDistinctUsers(firstHalf, perMonth).Merge(aggregator.CountDistinctUsers(secondHalf, perMonth));
Console.WriteLine($"Merged halves: {merged.Count(december)} consultations and {mergedUsers.Count(december)} users in {december}, as for the whole log: {months.Count(december)} and {users.Count(december)}");

int Pick(int[] weights)
{
    int roll = random.Next(weights.Sum());
    for (int i = 0; i < weights.Length; i++)
    {
        if ((roll -= weights[i]) < 0)
        {
            return i;
        }
    }

    return weights.Length - 1;
}
