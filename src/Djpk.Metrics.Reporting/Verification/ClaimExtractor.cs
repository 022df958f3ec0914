using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;

using Djpk.Metrics.Formatting;
namespace Djpk.Metrics.Verification;

/// <summary>Finds the checkable claims in the text of an Indonesian monthly report, such as DJPK's.</summary>
/// <remarks>
/// <para>The text is cut into sections at headings that name a channel ("Layanan Live Chat DJPK", "Konsultasi WhatsApp",
/// "Performa Instagram", "Kunjungan Website"), the consultation overview ("Perkembangan Jumlah Konsultasi") or the users
/// ("Pengguna Layanan … Tahun 2023"), and each section into sentences. In a sentence it reads:</para>
/// <list type="bullet">
/// <item><description>changes: a direction word (naik, meningkat, bertambah, turun, menurun, berkurang, tetap), optionally
/// "sebesar", "sekitar" (approximate) or "signifikan", and a percentage in Indonesian form ("4,9%"); without a percentage
/// it is a direction claim, kept only when the sentence says what it compares against;</description></item>
/// <item><description>the period compared against, after "dibandingkan": "bulan sebelumnya" (the previous month),
/// "tahun lalu" (the same period a year before) or a month and year ("Desember 2022"); a change without one compares
/// with the previous period;</description></item>
/// <item><description>shares: "sebanyak 3%" (of the channel's metric), and in the users section "Pemda 78%" (of the users
/// of the section's year);</description></item>
/// <item><description>averages: "Reach (rata-rata) 2.668" beside "Reach (total) …" in a social-media section.</description></item>
/// </list>
/// <para>The channel is the one the sentence names, if it names exactly one, else the section's; website and social-media
/// channels become part of the metric (<c>website.visits</c>, <c>instagram.reachAverage</c>). The period is the month a
/// sentence names outside its comparison ("di bulan Desember 2023"), else the year of a users section, else the report's
/// month. Ids follow the reference claims: <c>whatsapp-mom</c>, <c>total-yoy</c>, <c>hai-share</c>, <c>segment-kl</c>.</para>
/// </remarks>
public sealed class ClaimExtractor
{
    private const string Number = @"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?";
    private const string Months = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember";

    private static readonly string[] MonthNames = Months.Split('|');

    private static readonly Regex SentenceEnd = new(@"\.(?=\s|$)|\n[ \t]*\n", RegexOptions.CultureInvariant);

    private static readonly Regex ChangeWords = new(
        @"\b(?<dir>naik|meningkat|bertambah|turun|menurun|berkurang|tetap)\b(?<mods>(?:\s+(?:secara\s+)?(?:signifikan|sekitar|sebesar|sebanyak|kurang\s+lebih))*)(?:\s+(?<num>" + Number + @")\s*%)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Compared = new(@"\bdibandingkan\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex PeriodPhrase = new(
        @"(?<previous>bulan\s+(?:sebelumnya|lalu))|(?<yearAgo>(?:periode\s+yang\s+sama\s+)?tahun\s+(?:lalu|sebelumnya))|(?<month>" + Months + @")\s+(?<year>\d{4})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex MonthMention = new(@"\b(?<month>" + Months + @")\s+(?<year>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ShareWords = new(@"\b(?:sebanyak|sekitar)\s+(?<num>" + Number + @")\s*%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Year = new(@"\btahun\s+(?<year>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ReachTotal = new(@"Reach\s*\(\s*total\s*\)\s*(?<num>" + Number + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ReachAverage = new(@"Reach\s*\(\s*rata-rata\s*\)\s*(?<num>" + Number + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Space = new(@"\s+", RegexOptions.CultureInvariant);

    private readonly ImmutableArray<ClaimChannelName> _channels;
    private readonly ImmutableArray<ClaimSegmentName> _segments;
    private readonly Regex[] _channelPatterns;
    private readonly Regex _heading;
    private readonly Regex _segmentShare;

    /// <summary>Creates an extractor that knows the channel and segment names of <paramref name="vocabulary"/>.</summary>
    /// <param name="vocabulary">The names, such as DJPK's <c>DjpkProfile.ClaimVocabulary</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="vocabulary"/> is <see langword="null"/>.</exception>
    public ClaimExtractor(ClaimVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Vocabulary = vocabulary;
        _channels = vocabulary.Channels;
        _segments = vocabulary.Segments;
        _channelPatterns = [.. _channels.Select(c => new Regex(@"\b(?:" + c.Pattern + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))];
        string channelNames = _channels.IsEmpty ? "(?!)" : string.Join("|", _channels.Select(c => "(?:" + c.Pattern + ")"));
        string segmentNames = _segments.IsEmpty ? "(?!)" : string.Join("|", _segments.Select(s => "(?:" + s.Pattern + ")"));
        _heading = new Regex(
            @"^[ \t\uFEFF]*(?:(?:Layanan|Konsultasi|Performa|Kunjungan)\s+(?<channel>(?i:" + channelNames + @"))\b[^\n]*"
            + @"|(?<total>Perkembangan\s+Jumlah\s+Konsultasi)|(?<users>Pengguna\s+Layanan))",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);
        _segmentShare = new Regex(@"\b(?<segment>" + segmentNames + @")\s*(?<num>" + Number + @")\s*%", RegexOptions.CultureInvariant);
    }

    /// <summary>Gets the channel and segment names the extractor knows.</summary>
    public ClaimVocabulary Vocabulary { get; }

    private enum SectionKind
    {
        General,
        Channel,
        Total,
        Users,
    }

    /// <summary>Extracts the claims of a report's text.</summary>
    /// <param name="text">The report's text, as extracted from its PDF.</param>
    /// <param name="reportPeriod">The month the report is about; the default for a sentence that names no period.</param>
    /// <returns>The claims, in the order of the text, with unique ids.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public ImmutableArray<Claim> Extract(string text, ReportingPeriod reportPeriod)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var claims = new List<Claim>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (Section section in Sections(text, reportPeriod))
        {
            string body = text[section.BodyStart..section.End];
            int start = 0;
            foreach (Match? end in SentenceEnd.Matches(body).Cast<Match?>().Append(null))
            {
                int stop = end is null ? body.Length : end.Index + (end.Value == "." ? 1 : 0);
                string sentence = body[start..stop];
                start = end is null ? body.Length : end.Index + end.Length;
                ClaimsOfSentence(sentence, section, reportPeriod, claims, ids);
            }

            if (section.Kind is SectionKind.Users or SectionKind.General)
            {
                SegmentShares(body, section, claims, ids);
            }

            if (section.Channel is Channel account && IsSocial(account))
            {
                Ratio(body, section, account, claims, ids);
            }
        }

        return [.. claims];
    }

    private IEnumerable<Section> Sections(string text, ReportingPeriod reportPeriod)
    {
        Match[] headings = _heading.Matches(text).ToArray();
        if (headings.Length == 0 || headings[0].Index > 0)
        {
            yield return new Section(SectionKind.General, null, 0, 0, headings.Length == 0 ? text.Length : headings[0].Index, reportPeriod);
        }

        for (int i = 0; i < headings.Length; i++)
        {
            Match h = headings[i];
            int end = i + 1 < headings.Length ? headings[i + 1].Index : text.Length;
            if (h.Groups["channel"].Success)
            {
                yield return new Section(SectionKind.Channel, ChannelOf(h.Groups["channel"].Value), h.Index, h.Index + h.Length, end, reportPeriod);
            }
            else if (h.Groups["total"].Success)
            {
                yield return new Section(SectionKind.Total, null, h.Index, h.Index + h.Length, end, reportPeriod);
            }
            else
            {
                Match year = Year.Match(text, h.Index, end - h.Index);
                int yearNumber = year.Success ? int.Parse(year.Groups["year"].Value, CultureInfo.InvariantCulture) : 0;
                ReportingPeriod period = yearNumber >= 1 ? ReportingPeriod.OfYear(yearNumber) : reportPeriod; // "tahun 0000" names no year
                yield return new Section(SectionKind.Users, null, h.Index, h.Index + h.Length, end, period);
            }
        }
    }

    private void ClaimsOfSentence(string sentence, Section section, ReportingPeriod reportPeriod, List<Claim> claims, HashSet<string> ids)
    {
        Match[] changes = ChangeWords.Matches(sentence).ToArray();
        Match[] shares = [.. ShareWords.Matches(sentence).Where(s => !changes.Any(c => Overlaps(c, s)))];
        if (changes.Length == 0 && shares.Length == 0)
        {
            return;
        }

        var comparisons = new List<(int At, int End, Match Target)>();
        foreach (Match word in Compared.Matches(sentence))
        {
            int from = word.Index + word.Length;
            Match target = PeriodPhrase.Match(sentence, from, Math.Min(100, sentence.Length - from));
            if (target.Success)
            {
                comparisons.Add((word.Index, target.Index + target.Length, target));
            }
        }

        ReportingPeriod period = section.Period;
        foreach (Match month in MonthMention.Matches(sentence))
        {
            if (!comparisons.Any(c => month.Index >= c.At && month.Index < c.End) && MonthOf(month) is ReportingPeriod named)
            {
                period = named;
                break;
            }
        }

        if (period.Grain != reportPeriod.Grain && section.Kind != SectionKind.Users)
        {
            period = reportPeriod;
        }

        Channel? channel = section.Channel;
        Channel[] channels = [.. _channels.Where((c, i) => _channelPatterns[i].IsMatch(sentence)).Select(c => c.Channel).Distinct()];
        if (channels.Length == 1)
        {
            channel = channels[0];
        }

        (Metric Metric, Channel? Channel)? subject = SubjectOf(sentence, section, channel);
        if (subject is null)
        {
            return;
        }

        (Metric metric, Channel? subjectChannel) = subject.Value;

        string quote = Quote(sentence);
        foreach (Match change in changes)
        {
            ChangeDirection direction = change.Groups["dir"].Value.ToUpperInvariant() switch
            {
                "NAIK" or "MENINGKAT" or "BERTAMBAH" => ChangeDirection.Increase,
                "TETAP" => ChangeDirection.Unchanged,
                _ => ChangeDirection.Decrease,
            };
            bool hasValue = change.Groups["num"].Success;
            (int At, int End, Match Target)? nearest = comparisons.Count == 0 ? null
                : comparisons.MinBy(c => Math.Abs(c.At - change.Index));
            if (!hasValue && nearest is null)
            {
                continue; // a direction word without a comparison is not a claim ("tetap menjadi …")
            }

            ReportingPeriod? against = nearest is { } c ? Against(c.Target, period) : Safe(period.Previous);
            if (against is not ReportingPeriod a || a.Grain != period.Grain || a == period)
            {
                continue;
            }

            string mods = change.Groups["mods"].Value;
            bool approximate = mods.Contains("sekitar", StringComparison.OrdinalIgnoreCase) || mods.Contains("kurang", StringComparison.OrdinalIgnoreCase);
            decimal? value = null;
            if (hasValue)
            {
                if (!TryStatedValue(change.Groups["num"].Value, out decimal stated))
                {
                    continue; // a stray digit run from the PDF ("111111111111111111111111111113%") is skipped, not a claim
                }

                value = stated;
            }

            string suffix = a == Safe(period.Previous) ? "mom" : a == Safe(period.SameLastYear) ? "yoy" : "vs-" + a;
            Add(claims, ids, new Claim(
                Prefix(metric, subjectChannel) + "-" + suffix, metric, period, hasValue ? ClaimKind.PercentChange : ClaimKind.Direction,
                value, direction, a, subjectChannel, isApproximate: approximate, quote: quote));
        }

        foreach (Match share in shares)
        {
            if (subjectChannel is null)
            {
                continue; // a share needs a part: a channel here, a segment in the users section
            }

            bool approximate = share.Value.StartsWith("sekitar", StringComparison.OrdinalIgnoreCase);
            if (!TryStatedValue(share.Groups["num"].Value, out decimal value))
            {
                continue;
            }

            Add(claims, ids, new Claim(
                Prefix(metric, subjectChannel) + "-share", metric, period, ClaimKind.Share, value,
                channel: subjectChannel, isApproximate: approximate, quote: quote));
        }
    }

    private void SegmentShares(string body, Section section, List<Claim> claims, HashSet<string> ids)
    {
        foreach (Match match in _segmentShare.Matches(body))
        {
            int index = _segments.ToList().FindIndex(s => Regex.IsMatch(match.Groups["segment"].Value, "^(?:" + s.Pattern + ")$", RegexOptions.CultureInvariant));
            if (!TryStatedValue(match.Groups["num"].Value, out decimal value))
            {
                continue;
            }

            Add(claims, ids, new Claim(
                "segment-" + _segments[index].ShortId, Metric.Users, section.Period, ClaimKind.Share, value,
                segment: _segments[index].Segment, quote: Space.Replace(match.Value, " ")));
        }
    }

    private static void Ratio(string body, Section section, Channel account, List<Claim> claims, HashSet<string> ids)
    {
        Match total = ReachTotal.Match(body);
        Match average = ReachAverage.Match(body);
        if (!total.Success || !average.Success || !TryStatedValue(average.Groups["num"].Value, out decimal value))
        {
            return; // an average is checkable only beside the total it divides
        }

        Metric metric = Metric.ReachAverage(account);
        Add(claims, ids, new Claim(
            Kebab(metric.Id), metric, section.Period, ClaimKind.Ratio, value,
            quote: Space.Replace(total.Value, " ") + " / " + Space.Replace(average.Value, " "),
            numerator: Metric.ReachTotal(account), denominator: Metric.Posts(account)));
    }

    private (Metric Metric, Channel? Channel)? SubjectOf(string sentence, Section section, Channel? channel)
    {
        if (channel is Channel c)
        {
            if (KindOf(c) == ChannelKind.Web)
            {
                return (Metric.WebsiteVisits, null);
            }

            if (KindOf(c) == ChannelKind.InformationRequest)
            {
                return (new Metric("ppid.requests"), null);
            }

            if (IsSocial(c))
            {
                if (Regex.IsMatch(sentence, @"\b(?:pengikut|followers?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                {
                    return (Metric.Followers(c), null);
                }

                return Regex.IsMatch(sentence, @"\b(?:reach|jangkauan)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
                    ? (Metric.ReachTotal(c), null)
                    : null;
            }

            return (Metric.Consultations, c);
        }

        return section.Kind == SectionKind.Users ? (Metric.Users, null) : (Metric.Consultations, null);
    }

    private static ReportingPeriod? Against(Match target, ReportingPeriod period)
    {
        if (target.Groups["previous"].Success)
        {
            return Safe(period.Previous);
        }

        return target.Groups["yearAgo"].Success ? Safe(period.SameLastYear) : MonthOf(target);
    }

    /// <summary>Returns the month a match names, or <see langword="null"/> for year 0000, which has no months.</summary>
    private static ReportingPeriod? MonthOf(Match match)
    {
        int month = Array.FindIndex(MonthNames, m => m.Equals(match.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        int year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        return year >= 1 ? ReportingPeriod.Month(year, month) : null;
    }

    /// <summary>Parses a stated number; false when it is no number a claim can hold (too large for a decimal, more than <see cref="Rounding.MaxDecimals"/> decimals).</summary>
    private static bool TryStatedValue(string text, out decimal value) =>
        ReportFormatter.Indonesian.TryParseNumber(text, out value) && value.Scale <= Rounding.MaxDecimals;

    private static ReportingPeriod? Safe(Func<ReportingPeriod> period)
    {
        try
        {
            return period();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private string Prefix(Metric metric, Channel? channel)
    {
        if (channel is Channel c)
        {
            return _channels.FirstOrDefault(x => x.Channel == c)?.ShortId ?? c.Id;
        }

        if (metric == Metric.Consultations)
        {
            return "total";
        }

        return metric == Metric.WebsiteVisits ? "website" : Kebab(metric.Id);
    }

    private static string Kebab(string id)
    {
        var text = new StringBuilder(id.Length + 4);
        foreach (char ch in id)
        {
            if (ch == '.')
            {
                text.Append('-');
            }
            else if (char.IsAsciiLetterUpper(ch))
            {
                text.Append('-').Append(char.ToLowerInvariant(ch));
            }
            else
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }

    private Channel ChannelOf(string name) =>
        _channels[Array.FindIndex(_channelPatterns, p => p.IsMatch(name))].Channel;

    private bool IsSocial(Channel channel) => KindOf(channel) == ChannelKind.Social;

    private ChannelKind? KindOf(Channel channel) => _channels.FirstOrDefault(c => c.Channel == channel)?.Kind;

    private static bool Overlaps(Match a, Match b) => a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

    // The sentence on one line; chart labels fused to its start ("Surat…Sebanyak") are dropped.
    private static string Quote(string sentence)
    {
        string quote = Space.Replace(sentence, " ").Trim();
        int ellipsis = quote.IndexOf('…', StringComparison.Ordinal);
        return ellipsis >= 0 && ellipsis < quote.Length - 1 ? quote[(ellipsis + 1)..].Trim() : quote;
    }

    private static void Add(List<Claim> claims, HashSet<string> ids, Claim claim)
    {
        string id = claim.Id;
        for (int n = 2; !ids.Add(id); n++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{claim.Id}-{n}");
        }

        claims.Add(id == claim.Id ? claim : new Claim(
            id, claim.Metric, claim.Period, claim.Kind, claim.Value, claim.Direction, claim.Against, claim.Channel, claim.Segment,
            claim.IsApproximate, claim.Quote, claim.Kind == ClaimKind.Share ? claim.Of : null, claim.Numerator, claim.Denominator));
    }

    private sealed record Section(SectionKind Kind, Channel? Channel, int Start, int BodyStart, int End, ReportingPeriod Period);
}
