using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Djpk.Metrics.Ingest;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>
/// Integer users are read as a careful reading of the rule gives them: an optional '-' and ASCII digits whose value fits in
/// 64 bits, leading zeros allowed in text, whatever the length. The oracle is a regular expression and
/// <see cref="BigInteger"/>, not the library's parser; the texts sit on the edges (18 to 20 digits, the range's ends,
/// leading zeros, "-0", a lone '-').
/// </summary>
public partial class UserIntegerProperties
{
    private static readonly string[] Edges =
    [
        "0", "-0", "-", "00", "007", "999999999999999999", "1000000000000000000", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "00000000000000000000009223372036854775807", "18446744073709551616", "+5", "5 ", "١٢",
    ];

    /// <summary>A CSV user column: integer text is that integer; any other text is a wrong-type rejection of its line.</summary>
    [Property(MaxTest = 200)]
    public Property Csv_IntegerText_IsItsValue(int[] picks, int seed)
    {
        string[] users = Users(picks, seed);
        var text = new StringBuilder("timestamp,channel,segment,topic,user\n");
        foreach (string user in users)
        {
            text.Append("2023-12-05T10:00:00+07:00,whatsapp,pemda,Topik,").Append(user).Append('\n');
        }

        IngestResult read = LogText.ReadCsv(text.ToString(), options: LogText.Collect);
        long[] expected = [.. users.Select(Oracle).Where(v => v is not null).Select(v => v!.Value)];
        long[] rejectedLines = [.. users.Select((u, k) => (Value: Oracle(u), Line: k + 2L)).Where(x => x.Value is null).Select(x => x.Line)];
        return (read.Log.Select(c => c.User.Value).SequenceEqual(expected)).Label("accepted users")
            .And(read.Report.Rejections.Select(r => r.Line).SequenceEqual(rejectedLines)).Label("rejected lines")
            .And(read.Report.Rejections.All(r => r.Column == "user")).Label("the user column");
    }

    /// <summary>A JSON Lines user: a JSON integer is its value; a string of integer text is that integer, any other string the hash of its text.</summary>
    [Property(MaxTest = 200)]
    public Property JsonLines_IntegersAndIntegerStrings_AreTheirValue(int[] picks, int seed)
    {
        string[] users = [.. Users(picks, seed).Where(u => u.Length > 0 && u.Trim() == u)];
        var text = new StringBuilder();
        foreach (string user in users)
        {
            text.Append("{\"timestamp\":\"2023-12-05T10:00:00+07:00\",\"channel\":\"whatsapp\",\"segment\":\"pemda\",\"user\":\"").Append(user).Append("\"}\n");
            if (Integer().IsMatch(user) && !(user.TrimStart('-').Length > 1 && user.TrimStart('-')[0] == '0') && Oracle(user) is not null)
            {
                text.Append("{\"timestamp\":\"2023-12-05T10:00:00+07:00\",\"channel\":\"whatsapp\",\"segment\":\"pemda\",\"user\":").Append(user).Append("}\n");
            }
        }

        IngestResult read = LogText.ReadJson(text.ToString(), options: LogText.Collect.WithUserNormalization(UserNormalization.Verbatim));
        var expected = new List<long>();
        foreach (string user in users)
        {
            expected.Add(Oracle(user) ?? UserKey.FromText(user).Value);
            if (Integer().IsMatch(user) && !(user.TrimStart('-').Length > 1 && user.TrimStart('-')[0] == '0') && Oracle(user) is { } number)
            {
                expected.Add(number);
            }
        }

        return (read.Report.Rejected == 0).Label("nothing rejected")
            .And(read.Log.Select(c => c.User.Value).SequenceEqual(expected)).Label("users");
    }

    private static string[] Users(int[] picks, int seed)
    {
        var random = new Random(seed);
        return [.. (picks ?? []).Select(pick => Math.Abs(pick % 4) switch
        {
            0 => Edges[random.Next(Edges.Length)],
            1 => Digits(random, random.Next(1, 23)),
            2 => "-" + Digits(random, random.Next(1, 23)),
            _ => new string('0', random.Next(1, 6)) + Digits(random, random.Next(1, 20)),
        })];
    }

    private static string Digits(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));

    private static long? Oracle(string text)
    {
        if (!Integer().IsMatch(text))
        {
            return null;
        }

        var value = System.Numerics.BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : null;
    }

    [GeneratedRegex("^-?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();
}
