using System.Text;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Ingest;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>How a valid line is damaged.</summary>
public enum Damage
{
    None,
    Truncate,
    FlipByte,
    WrongType,
    HugeNumber,
    DeepNesting,
    BadUtf8,
    MissingOffset,
    ExtraField,
    LongLine,
    Blank,
}

/// <summary>A file of lines, each a valid record or a damaged one.</summary>
public sealed record MixedFile(Consultation[] Records, Damage[] Damages, int[] Positions)
{
    public override string ToString() => string.Join("\n", Records.Select((r, i) => $"{Damages[i]}@{Positions[i]}: {r}"));
}

public static class MixedFiles
{
    public static Arbitrary<MixedFile> Files()
    {
        Gen<Consultation> record =
            from seconds in Gen.Choose(0, 400_000_000)
            from fraction in Gen.Choose(0, 9_999_999)
            from channel in Gen.Elements(DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.HaiKemenkeu, DjpkChannels.LiveChat)
            from segment in Gen.Elements(DjpkProfile.Catalog.Segments.Select(s => s.Segment).ToArray())
            from topic in Gen.Elements(Topic.Unspecified, new Topic("DBH"), new Topic("Dana \"Desa\""), new Topic("Pajak – é"))
            from user in Gen.Choose(-1000, 1000)
            select new Consultation(Instant.FromUnixTimeSeconds(1_500_000_000L + seconds) + Duration.FromTicks(fraction), channel, segment, topic, new UserKey(user));
        Gen<Damage> damage = Gen.Frequency((6, Gen.Constant(Damage.None)), (10, Gen.Elements(Enum.GetValues<Damage>().Skip(1).ToArray())));
        Gen<MixedFile> gen =
            from size in Gen.Choose(1, 30)
            from records in Gen.ArrayOf(record, size)
            from damages in Gen.ArrayOf(damage, size)
            from positions in Gen.ArrayOf(Gen.Choose(0, 10_000), size)
            select new MixedFile(records, damages, positions);
        return Arb.From(gen);
    }

    /// <summary>Renders the file as JSON Lines; returns the bytes and, per line, whether it was left valid.</summary>
    public static byte[] JsonLines(MixedFile file)
    {
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog).AddRange(file.Records).Build();
        string[] lines = Encoding.UTF8.GetString(LogText.WriteJson(log, DateTimeZoneProviders.Tzdb["Asia/Jakarta"])).Split('\n')[..^1];
        var output = new List<byte>();
        for (int i = 0; i < lines.Length; i++)
        {
            output.AddRange(DamageLine(lines[i], file.Damages[i], file.Positions[i]));
            output.Add((byte)'\n');
        }

        return [.. output];
    }

    private static byte[] DamageLine(string line, Damage damage, int position)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(line);
        int at = position % bytes.Length;
        switch (damage)
        {
            case Damage.Truncate:
                return bytes[..Math.Max(1, at)];
            case Damage.FlipByte:
                byte flipped = (byte)(bytes[at] ^ (1 << (position % 8)));
                bytes[at] = flipped is (byte)'\n' or (byte)'\r' ? (byte)'#' : flipped;
                return bytes;
            case Damage.WrongType:
                return Encoding.UTF8.GetBytes(line.Replace("\"channel\":\"", "\"channel\":[\"", StringComparison.Ordinal).Replace("\",\"segment\"", "\"],\"segment\"", StringComparison.Ordinal));
            case Damage.HugeNumber:
                return Encoding.UTF8.GetBytes(line[..line.LastIndexOf(':')] + ":1" + new string('9', 30 + (position % 400)) + "}");
            case Damage.DeepNesting:
                int depth = 10 + (position * 7);
                return Encoding.UTF8.GetBytes(line[..^1] + ",\"topic\":" + new string('[', depth) + new string(']', depth) + "}");
            case Damage.BadUtf8:
                return [.. bytes[..at], (byte)(0x80 | (position % 64)), .. bytes[at..]];
            case Damage.MissingOffset:
                return Encoding.UTF8.GetBytes(line.Replace("+07:00\"", "\"", StringComparison.Ordinal));
            case Damage.ExtraField:
                return Encoding.UTF8.GetBytes(line[..^1] + ",\"$type\":\"System.IO.FileInfo\"}");
            case Damage.LongLine:
                return Encoding.UTF8.GetBytes(line[..^1] + ",\"topic\":\"" + new string('x', 70_000) + "\"}");
            case Damage.Blank:
                return " \t"u8.ToArray();
            default:
                return bytes;
        }
    }
}

[Properties(Arbitrary = [typeof(MixedFiles)])]
public class MalformedInputProperties
{
    /// <summary>The malformed-input corpus: in collect mode the reader never throws, accounts for every line, and keeps every valid one in order.</summary>
    [Property(MaxTest = 1000)]
    public Property JsonLines_Collect_NeverThrowsAccountsForEveryLineAndKeepsTheValidOnes(MixedFile file)
    {
        byte[] bytes = MixedFiles.JsonLines(file);
        IngestResult result = JsonLinesLogReader.Read(new MemoryStream(bytes), DjpkProfile.IngestOptions.Collecting(maxRejectionDetails: 5), LogText.Strict);
        IngestReport report = result.Report;
        Consultation[] valid = [.. file.Records.Where((_, i) => file.Damages[i] == Damage.None)];
        int blanks = file.Damages.Count(d => d == Damage.Blank);
        int surelyBad = file.Damages.Count(d => d is Damage.WrongType or Damage.HugeNumber or Damage.DeepNesting or Damage.BadUtf8 or Damage.MissingOffset or Damage.ExtraField or Damage.LongLine);
        return (report.Accepted + report.Rejected == report.RowsRead).Label("accepted + rejected = read")
            .And((report.RowsRead + report.BlankLines == file.Records.Length).Label("every line is a row or blank"))
            .And((report.BlankLines == blanks).Label("blank lines counted"))
            .And((report.Rejected >= surelyBad).Label("every damaged line that cannot be valid is rejected"))
            .And((report.Rejections.Length == Math.Min(5, report.Rejected)).Label("first details kept"))
            .And((report.BytesRead == bytes.Length).Label("bytes counted"))
            .And(IsSubsequence(valid, result.Log).Label("every valid line is kept, in order"));
    }

    [Property(MaxTest = 200)]
    public Property Csv_Collect_NeverThrowsAndAccountsForEveryRow(MixedFile file)
    {
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog).AddRange(file.Records).Build();
        string[] lines = LogText.WriteCsv(log, ';').Split("\r\n")[..^1];
        var text = new StringBuilder(lines[0]).Append('\n');
        bool balanced = true; // an unbalanced quote makes the next line part of the field (RFC 4180): then no reader can keep it
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i];
            int at = file.Positions[i - 1] % line.Length;
            string damaged = file.Damages[i - 1] switch
            {
                Damage.None => line,
                Damage.Truncate => line[..at],
                Damage.FlipByte => line[..at] + (char)(line[at] ^ 1) + line[(at + 1)..],
                Damage.MissingOffset => line.Replace("Z;", ";", StringComparison.Ordinal),
                Damage.ExtraField => line + ";extra",
                Damage.WrongType => line.Replace(";pemda;", ";42;", StringComparison.Ordinal),
                Damage.LongLine => line + new string('x', 300_000),
                Damage.Blank => string.Empty,
                _ => line[..at] + "\"" + line[at..],
            };
            balanced &= damaged.Count(c => c == '"') % 2 == 0;
            text.Append(damaged).Append('\n');
        }

        IngestResult result = LogText.ReadCsv(text.ToString(), ';', DjpkProfile.IngestOptions.Collecting(3));
        IngestReport report = result.Report;
        Consultation[] valid = [.. file.Records.Where((_, i) => file.Damages[i] == Damage.None)];
        return (report.Accepted + report.Rejected == report.RowsRead).Label("accepted + rejected = read")
            .And((report.Accepted == result.Log.Count).Label("accepted rows are the log"))
            .And((!report.IsComplete || !balanced || IsSubsequence(valid, result.Log)).Label("a complete read of balanced quotes keeps every valid row"))
            .And((report.IsComplete || report.Rejections[^1].Reason is RejectionReason.Malformed or RejectionReason.LineTooLong || report.Rejected > 3).Label("an incomplete read says why"));
    }

    private static bool IsSubsequence(Consultation[] expected, InteractionLog actual)
    {
        int next = 0;
        foreach (Consultation c in actual)
        {
            if (next < expected.Length && c == expected[next])
            {
                next++;
            }
        }

        return next == expected.Length;
    }
}
