using Djpk.Metrics.Comparison;
using Djpk.Metrics.Formatting;
using NodaTime;

// Phone consultations in November and December 2023, from DJPK's monthly report; it truncates its changes.
var phone = PercentChange.Between(previous: 103, current: 149);
ReportFormatter id = ReportFormatter.Indonesian;
Console.WriteLine($"Telepon {id.FormatMonth(new YearMonth(2023, 12))}: {id.FormatCount(phone.Current)} konsultasi, {id.FormatChange(phone, 0, RoundingRule.TowardZero)}");

// Users by segment in 2023, as whole percentages that sum to exactly 100 (largest remainder).
string[] segments = ["Akademisi", "Pemda", "Kementerian/Lembaga", "Lainnya"];
ShareDistribution users = ShareAllocation.LargestRemainder([568, 12724, 923, 2041], decimals: 0);
for (int i = 0; i < segments.Length; i++)
{
    Console.WriteLine($"{segments[i]}: {id.FormatCount(users.Shares[i].Count)} pengguna ({id.FormatPercent(users.Shares[i].Allocated!.Value)})");
}

// A change from zero has a direction but no ratio: never NaN, never infinity.
Console.WriteLine($"Live chat, December 2022 to 2023: {ReportFormatter.English.FormatChange(PercentChange.Between(0, 20), 0, RoundingRule.TowardZero)}");
