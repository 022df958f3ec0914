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
/// <para>The text is cut into sections at heading lines (short, no full stop) that name a channel ("Layanan Live Chat DJPK",
/// "Konsultasi WhatsApp", "Performa Instagram", "Kunjungan Website"), the consultation overview ("Perkembangan Jumlah
/// Konsultasi"), the users ("Pengguna Layanan … Tahun 2023") or the notes ("Catatan", which holds no claims), and each section
/// into sentences. In a sentence it reads:</para>
/// <list type="bullet">
/// <item><description>changes: a direction word (naik, meningkat, bertambah, turun, menurun, berkurang, tetap), optionally
/// "sebesar", "sekitar" (approximate) or "signifikan", and a percentage in Indonesian form ("4,9%") or percentage points
/// ("1,5 poin persentase", "1,5 poin", "1,5 pp": a change of a channel's or segment's share); without a value it is a
/// direction claim, kept only when the sentence says what it compares against;</description></item>
/// <item><description>the period compared against: after "dibandingkan (dengan)": "bulan sebelumnya", "triwulan
/// sebelumnya" (the previous period), "(periode yang sama) tahun lalu" (a year before) or a named period; in
/// "dari 24 layanan pada Mei 2024 menjadi 18 layanan pada Juni 2024" the first period (and the second is the sentence's);
/// in "sejak (akhir) Januari 2023 (hingga akhir Desember 2023)" the first. A change without one compares with the previous
/// period;</description></item>
/// <item><description>periods: a month with or without its year ("Desember 2022"; "Januari" takes the year of the next
/// period named, else the section's), a quarter ("triwulan I 2024", "kuartal 2 2024", "Q3 2024", Roman or Arabic), a year
/// ("tahun 2024"), and "sampai dengan Desember 2024" (the year). A sentence that names a half-year ("semester I 2024") or a
/// year to date before December yields no claim: neither is a period of the library;</description></item>
/// <item><description>counts: "sebanyak 1.469 konsultasi", "berjumlah 162 permohonan", "memiliki 116.894 pengikut" (a
/// <see cref="ClaimKind.Total"/>); the figures a sentence states for its claim ("sebanyak 1.118 … dibandingkan bulan
/// sebelumnya (988 layanan)", "sebanyak 76% (1.118 konsultasi)", "dari 24 … menjadi 18") are kept on the claim
/// (<see cref="Claim.StatedCurrent"/>, <see cref="Claim.StatedPrevious"/>);</description></item>
/// <item><description>shares: "sebanyak 3%" (of the channel's metric), and "Pemda 78%" or "Pemda 12.724 pengguna (78%)"
/// (of the users of the users section's year, or of the year the sentence names);</description></item>
/// <item><description>averages: "Reach (rata-rata) 2.668" beside "Reach (total) …" in a social-media section.</description></item>
/// </list>
/// <para>The channel is the one the sentence names, if it names exactly one, else the section's; website and social-media
/// channels become part of the metric (<c>website.visits</c>, <c>instagram.reachAverage</c>). The period is the first period a
/// sentence names outside its comparisons, else the year of a users section, else the report's month. Ids follow the
/// reference claims: <c>whatsapp-mom</c>, <c>total-yoy</c>, <c>hai-share</c>, <c>segment-kl</c>, <c>total-count</c>,
/// <c>whatsapp-share-mom</c> (points), <c>twitter-followers-vs-2024-01</c>.</para>
/// </remarks>
public sealed class ClaimExtractor
{
    private const string Number = @"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?";
    private const string Months = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember";

    private static readonly string[] MonthNames = Months.Split('|');

    private static readonly Regex SentenceEnd = new(@"\.(?=\s|$)|\n[ \t]*\n", RegexOptions.CultureInvariant);

    private static readonly Regex ChangeWords = new(
        @"\b(?<dir>naik|meningkat|bertambah|turun|menurun|berkurang|tetap)\b(?<mods>(?:\s+(?:secara\s+)?(?:signifikan|sekitar|sebesar|sebanyak|kurang\s+lebih))*)"
        + @"(?:\s+(?:(?<pts>" + Number + @")\s*(?:poin(?:\s+persentase)?|pp|percentage\s+points?)\b|(?<num>" + Number + @")\s*%))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // A period a sentence names: a quarter (Roman or Arabic), a half-year, a month with or without its year, a year.
    private static readonly Regex PeriodMention = new(
        @"\b(?:(?:triwulan|kuartal|kwartal)\s*(?<quarter>IV|I{1,3}|[1-4])(?:\s+tahun)?\s+(?<qyear>\d{4})|Q(?<quarter>[1-4])\s+(?<qyear>\d{4})"
        + @"|semester\s*(?<half>II|I|[12])(?:\s+tahun)?\s+(?<hyear>\d{4})"
        + @"|(?<month>" + Months + @")(?:\s+(?<year>\d{4}))?"
        + @"|tahun\s+(?<yyear>\d{4}))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex RelativePhrase = new(
        @"(?<yearAgo>(?:periode\s+yang\s+sama\s+|bulan\s+yang\s+sama\s+)?tahun\s+(?:lalu|sebelumnya))|(?<previous>(?:bulan|triwulan|kuartal|periode)\s+(?:sebelumnya|lalu))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private const string Unit = "konsultasi|layanan|pengguna|pengikut|permohonan|pengunjung|kunjungan|pengaduan|keluhan";

    // "sebanyak 1.469 konsultasi", "berjumlah 162 permohonan", "memiliki 116.894 pengikut": a count, never a percentage.
    private static readonly Regex CountWords = new(
        @"\b(?:sebanyak|berjumlah|mencapai|memiliki)(?<mods>(?:\s+(?:sekitar|kurang\s+lebih))*)\s+(?<num>" + Number + @")(?![.,]?\d)(?!\s*%)(?:\s+(?<unit>" + Unit + @")\b)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "dari 24 layanan pada Mei 2024 menjadi 18 layanan pada Juni 2024"; the periods are optional.
    private static readonly Regex FromTo = new(
        @"\bdari\s+(?<from>" + Number + @")(?![.,]?\d)(?!\s*%)(?:\s+(?:" + Unit + @"))?(?:\s+(?:pada|di)\s+(?:bulan\s+)?(?<fromPeriod>[^,;]*?\d{4}))?"
        + @"\s+menjadi\s+(?<to>" + Number + @")(?![.,]?\d)(?!\s*%)(?:\s+(?:" + Unit + @"))?(?:\s+(?:pada|di)\s+(?:bulan\s+)?(?<toPeriod>[^,;]*?\d{4}))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "Sejak akhir Januari 2023 hingga akhir Desember 2023": the change since a period, up to a period.
    private static readonly Regex Since = new(
        @"\bsejak\s+(?:(?:akhir|awal)\s+)?(?:bulan\s+)?(?<from>(?:" + Months + @")(?:\s+\d{4})?|(?:triwulan|kuartal)\s*\S+\s+\d{4}|tahun\s+\d{4})"
        + @"(?:\s+(?:hingga|sampai(?:\s+dengan)?|s\.d\.?)\s+(?:(?:akhir|awal)\s+)?(?:bulan\s+)?(?<until>(?:" + Months + @")(?:\s+\d{4})?|(?:triwulan|kuartal)\s*\S+\s+\d{4}|tahun\s+\d{4}))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // A figure in parentheses right after a period or a share: "(988 layanan)", "(1.118 konsultasi)".
    private static readonly Regex Parenthesised = new(@"\G\s*\(\s*(?<num>" + Number + @")(?:\s+[\p{L}]+)?\s*\)", RegexOptions.CultureInvariant);

    // A month named after "sampai dengan" or "hingga" (outside "sejak …") ends a year to date.
    private static readonly Regex UpTo = new(@"\b(?:sampai\s+dengan|hingga|s\.d\.?)\s+(?:akhir\s+)?(?:bulan\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Underline = new(@"^[ \t]*[-=]{3,}[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex Compared = new(@"\bdibandingkan\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex PeriodPhrase = new(
        @"(?<previous>bulan\s+(?:sebelumnya|lalu))|(?<yearAgo>(?:periode\s+yang\s+sama\s+)?tahun\s+(?:lalu|sebelumnya))|(?<month>" + Months + @")\s+(?<year>\d{4})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex MonthMention = new(@"\b(?<month>" + Months + @")\s+(?<year>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ShareWords = new(@"\b(?:sebanyak|sekitar)\s+(?<num>" + Number + @")\s*%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Year = new(@"\btahun\s+(?<year>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ReachTotal = new(@"Reach\s*\(\s*total\s*\)\s*(?<num>" + Number + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ReachAverage = new(@"Reach\s*\(\s*rata-rata\s*\)\s*(?<num>" + Number + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private const string DurationText = @"(?:(?:" + Number + @")\s*(?:hari|jam|menit|detik)\b(?:\s*,?\s*(?:dan\s+)?(?=\d))?)+";

    private static readonly Regex ServiceTime = new(
        @"\b(?<stat>median|rata-rata|persentil\s+ke-?90|p90)\s+waktu\s+(?<what>respons|tanggap|penanganan)\b(?<rest>[^\d.;]{0,80}?)(?<dur>" + DurationText + ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex DurationPart = new(@"(?<num>" + Number + @")\s*(?<unit>hari|jam|menit|detik)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex AnswerRate = new(@"\btingkat\s+(?:jawab|terjawab)\b(?<rest>[^\d.;%]{0,80}?)(?<num>" + Number + @")\s*%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex AbandonmentRate = new(
        @"\btingkat\s+(?:panggilan\s+)?(?:tak\s+terjawab(?:\s*\(\s*abandon\s*\))?|abandon(?:ment)?)(?<rest>[^\d.;%]{0,80}?)(?<num>" + Number + @")\s*%",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ServiceLevel = new(
        @"(?<num>" + Number + @")\s*%\s+(?:dari\s+)?(?:konsultasi|kontak|panggilan|pesan|e-?mail|chat)\b(?<rest>[^\d.;%]{0,80}?)\bdijawab\s+dalam\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex FirstContactResolution = new(
        @"(?:\bFCR\b|\bpenyelesaian\s+pada\s+kontak\s+pertama\b)(?<rest>[^\d.;%]{0,80}?)(?<num>" + Number + @")\s*%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Csat = new(@"\bCSAT\b(?<rest>[^\d.;%]{0,80}?)(?<num>" + Number + @")\s*%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex RepeatRate = new(@"\bkontak\s+ulang\b(?<rest>[^.;%]{0,80}?)(?<num>" + Number + @")\s*%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Backlog = new(@"(?<num>" + Number + @")\s+kontak\b(?<rest>[^\d.;]{0,80}?)\bmasih\s+terbuka\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

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
            @"^[ \t\uFEFF]*(?:(?:Layanan|Konsultasi|Performa|Kunjungan)\s+(?<channel>(?i:" + channelNames + @"))\b[^\n.]{0,40}$"
            + @"|(?<total>Perkembangan\s+Jumlah\s+Konsultasi)|(?<users>Pengguna\s+Layanan)|(?<service>Kualitas\s+Layanan)|(?<notes>Catatan)[ \t]*$)",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);
        _segmentShare = new Regex(@"\b(?<segment>" + segmentNames + @")\s*(?:(?<count>" + Number + @")\s+pengguna\s*\(\s*)?(?<num>" + Number + @")\s*%\)?", RegexOptions.CultureInvariant);
    }

    /// <summary>Gets the channel and segment names the extractor knows.</summary>
    public ClaimVocabulary Vocabulary { get; }

    private enum SectionKind
    {
        General,
        Channel,
        Total,
        Users,
        Notes,
        Service,
    }

    private enum Relative
    {
        None,
        Previous,
        YearAgo,
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
                if (section.Kind != SectionKind.Service)
                {
                    ClaimsOfSentence(sentence, section, reportPeriod, claims, ids);
                }

                if (section.Kind != SectionKind.Notes)
                {
                    ServiceClaimsOfSentence(sentence, section, claims, ids);
                }
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
            else if (h.Groups["service"].Success)
            {
                yield return new Section(SectionKind.Service, null, h.Index, h.Index + h.Length, end, reportPeriod);
            }
            else if (h.Groups["notes"].Success)
            {
                yield return new Section(SectionKind.Notes, null, h.Index, h.Index + h.Length, end, reportPeriod);
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
        if (section.Kind == SectionKind.Notes)
        {
            return;
        }

        Match[] changes = ChangeWords.Matches(sentence).ToArray();
        Match[] shares = [.. ShareWords.Matches(sentence).Where(s => !changes.Any(c => Overlaps(c, s)))];
        Match[] counts = [.. CountWords.Matches(sentence).Where(m => !changes.Any(c => Overlaps(c, m)))];
        if (changes.Length == 0 && shares.Length == 0 && counts.Length == 0)
        {
            return;
        }

        int defaultYear = section.Period.Year;
        var against = new List<Comparison>();
        var taken = new List<(int Start, int End)>(); // spans whose periods are not the sentence's own period
        ReportingPeriod? own = null;
        bool ownNamed = false;
        long? fromCount = null, toCount = null;
        (ReportingPeriod From, ReportingPeriod Until)? spanned = null; // "sejak Januari hingga Februari 2025": a count over the span

        // "dari 24 layanan pada Mei 2024 menjadi 18 layanan pada Juni 2024": both figures, both periods.
        Match fromTo = FromTo.Match(sentence);
        if (fromTo.Success)
        {
            fromCount = StatedCount(fromTo.Groups["from"].Value);
            toCount = StatedCount(fromTo.Groups["to"].Value);
            Mention? fromPeriod = MentionAt(sentence, fromTo.Groups["fromPeriod"], defaultYear);
            Mention? toPeriod = MentionAt(sentence, fromTo.Groups["toPeriod"], defaultYear);
            if (toPeriod is Mention to)
            {
                own = to.Period;
                ownNamed = true;
                taken.Add((to.Index, to.End));
            }

            against.Add(new Comparison(fromTo.Index, fromTo.Index + fromTo.Length, fromPeriod?.Period, fromPeriod is null ? Relative.Previous : Relative.None, fromCount, fromPeriod is Mention fp && fp.Period is null));
            taken.Add((fromTo.Index, fromTo.Groups["to"].Index));
        }

        // "Sejak akhir Januari 2023 hingga akhir Desember 2023": a change since a period, up to a period (or the sentence's own).
        foreach (Match since in Since.Matches(sentence))
        {
            Mention? from = MentionAt(sentence, since.Groups["from"], defaultYear);
            Mention? until = MentionAt(sentence, since.Groups["until"], defaultYear);
            if (from is null)
            {
                continue;
            }

            if (until is Mention u)
            {
                own = u.Period;
                ownNamed = true;
                spanned = from.Value.Period is ReportingPeriod f && u.Period is ReportingPeriod t ? (f, t) : null;
            }

            against.Add(new Comparison(since.Index, since.Index + since.Length, from.Value.Period, Relative.None, null, from.Value.Period is null));
            taken.Add((since.Index, since.Index + since.Length));
        }

        // "dibandingkan (dengan) bulan sebelumnya / tahun lalu / triwulan I 2023 / Desember 2022 (1.065 layanan)".
        foreach (Match word in Compared.Matches(sentence))
        {
            int from = word.Index + word.Length;
            int window = Math.Min(100, sentence.Length - from);
            Match relative = RelativePhrase.Match(sentence, from, window);
            Mention? named = FirstMention(sentence, from, window, defaultYear);
            int targetEnd;
            Comparison comparison;
            if (relative.Success && (named is null || relative.Index < named.Value.Index))
            {
                targetEnd = relative.Index + relative.Length;
                comparison = new Comparison(word.Index, targetEnd, null, relative.Groups["yearAgo"].Success ? Relative.YearAgo : Relative.Previous, null, false);
            }
            else if (named is Mention m)
            {
                targetEnd = m.End;
                comparison = new Comparison(word.Index, targetEnd, m.Period, Relative.None, null, m.Period is null);
            }
            else
            {
                continue;
            }

            Match figure = Parenthesised.Match(sentence, targetEnd);
            against.Add(comparison with { End = figure.Success ? figure.Index + figure.Length : targetEnd, Figure = figure.Success ? StatedCount(figure.Groups["num"].Value) : null });
            taken.Add((word.Index, comparison.End));
        }

        // The sentence's own period: the first period it names outside its comparisons; "sampai dengan Desember 2023" is the year.
        if (!ownNamed)
        {
            foreach (Mention mention in Mentions(sentence, defaultYear))
            {
                if (taken.Any(t => mention.Index >= t.Start && mention.Index < t.End))
                {
                    continue;
                }

                own = mention.Period;
                ownNamed = true;
                if (mention.Period is ReportingPeriod p && p.Grain == PeriodGrain.Month && UpTo.IsMatch(sentence[..mention.Index]))
                {
                    own = p.Start.Month == 12 ? ReportingPeriod.OfYear(p.Year) : null; // a year to date is a period only at December
                }

                break;
            }
        }

        if (ownNamed && own is null)
        {
            return; // a half-year or a year to date: no period of the library, so nothing here is checkable
        }

        ReportingPeriod period = own ?? section.Period;

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
        UserSegment? segment = null;
        if (subjectChannel is null && metric == Metric.Users || section.Kind == SectionKind.Users)
        {
            UserSegment[] named = [.. _segments.Where(s => Regex.IsMatch(sentence, @"\b(?:" + s.Pattern + @")\b", RegexOptions.CultureInvariant)).Select(s => s.Segment).Distinct()];
            segment = named.Length == 1 ? named[0] : null;
        }

        long? current = toCount;
        foreach (Match count in counts)
        {
            if (current is null && StatedCount(count.Groups["num"].Value) is long stated && FitsUnit(metric, count.Groups["unit"].Value))
            {
                current = stated;
            }
        }

        string quote = Quote(sentence);
        foreach (Match change in changes)
        {
            ChangeDirection direction = change.Groups["dir"].Value.ToUpperInvariant() switch
            {
                "NAIK" or "MENINGKAT" or "BERTAMBAH" => ChangeDirection.Increase,
                "TETAP" => ChangeDirection.Unchanged,
                _ => ChangeDirection.Decrease,
            };
            bool points = change.Groups["pts"].Success;
            bool hasValue = change.Groups["num"].Success || points;
            Comparison? nearest = against.Count == 0 ? null : against.MinBy(c => Math.Abs(c.Start - change.Index));
            if (!hasValue && nearest is null)
            {
                continue; // a direction word without a comparison is not a claim ("tetap menjadi …")
            }

            if (nearest is { Unsupported: true })
            {
                continue; // compared with a half-year
            }

            ReportingPeriod? compared = nearest is Comparison c ? Resolve(c, period) : Safe(period.Previous);
            if (compared is not ReportingPeriod a || a.Grain != period.Grain || a == period)
            {
                continue;
            }

            string mods = change.Groups["mods"].Value;
            bool approximate = mods.Contains("sekitar", StringComparison.OrdinalIgnoreCase) || mods.Contains("kurang", StringComparison.OrdinalIgnoreCase);
            decimal? value = null;
            if (hasValue)
            {
                if (!TryStatedValue(change.Groups[points ? "pts" : "num"].Value, out decimal stated))
                {
                    continue; // a stray digit run from the PDF ("111111111111111111111111111113%") is skipped, not a claim
                }

                value = stated;
            }

            string suffix = a == Safe(period.Previous) ? "mom" : a == Safe(period.SameLastYear) ? "yoy" : "vs-" + a;
            if (points)
            {
                if (subjectChannel is null && segment is null)
                {
                    continue; // a change of a share needs a part
                }

                Add(claims, ids, new Claim(
                    PartPrefix(metric, subjectChannel, segment) + "-share-" + suffix, metric, period, ClaimKind.PointChange, value, direction, a,
                    subjectChannel, subjectChannel is null ? segment : null, approximate, quote,
                    statedCurrent: current, statedPrevious: nearest?.Figure));
                continue;
            }

            Add(claims, ids, new Claim(
                Prefix(metric, subjectChannel) + "-" + suffix, metric, period, hasValue ? ClaimKind.PercentChange : ClaimKind.Direction,
                value, direction, a, subjectChannel, isApproximate: approximate, quote: quote,
                statedCurrent: current, statedPrevious: nearest?.Figure));
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

            Match part = Parenthesised.Match(sentence, share.Index + share.Length);
            Add(claims, ids, new Claim(
                Prefix(metric, subjectChannel) + "-share", metric, period, ClaimKind.Share, value,
                channel: subjectChannel, isApproximate: approximate, quote: quote,
                statedCurrent: part.Success ? StatedCount(part.Groups["num"].Value) : null));
        }

        // A count over "sejak Januari hingga Desember 2024" is the year's; over another span of months, no period's.
        ReportingPeriod? countPeriod = spanned is not (ReportingPeriod first, ReportingPeriod last) || metric.Kind == MetricKind.Stock ? period
            : first == last ? first
            : first.Grain == PeriodGrain.Month && first.Year == last.Year && first.Start.Month == 1 && last.Start.Month == 12 ? ReportingPeriod.OfYear(first.Year)
            : null;
        foreach (Match count in counts)
        {
            if (countPeriod is not ReportingPeriod countIn || StatedCount(count.Groups["num"].Value) is not long stated || !FitsUnit(metric, count.Groups["unit"].Value))
            {
                continue;
            }

            bool approximate = count.Groups["mods"].Value.Contains("sekitar", StringComparison.OrdinalIgnoreCase);
            Add(claims, ids, new Claim(
                Prefix(metric, subjectChannel) + "-count", metric, countIn, ClaimKind.Total, stated,
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

            // The period: the users section's year, else a year the sentence names before the share ("Selama tahun 2023, …").
            ReportingPeriod period = section.Period;
            if (section.Kind != SectionKind.Users)
            {
                int sentenceStart = Math.Max(body.LastIndexOf(". ", match.Index, StringComparison.Ordinal), body.LastIndexOf("\n\n", match.Index, StringComparison.Ordinal));
                Match year = Year.Matches(body[(sentenceStart + 1)..match.Index]).LastOrDefault() ?? Match.Empty;
                if (year.Success && int.TryParse(year.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y >= 1)
                {
                    period = ReportingPeriod.OfYear(y);
                }
            }

            Add(claims, ids, new Claim(
                "segment-" + _segments[index].ShortId, Metric.Users, period, ClaimKind.Share, value,
                segment: _segments[index].Segment, quote: Space.Replace(match.Value, " "),
                statedCurrent: match.Groups["count"].Success ? StatedCount(match.Groups["count"].Value) : null));
        }
    }

    // The periods a sentence names, in order: quarters, half-years (no period of the library: Period is null), months, years.
    private static IEnumerable<Mention> Mentions(string sentence, int defaultYear)
    {
        foreach (Match m in PeriodMention.Matches(sentence))
        {
            if (Resolve(m, defaultYear, sentence) is Mention mention)
            {
                yield return mention;
            }
        }
    }

    private static Mention? FirstMention(string sentence, int from, int length, int defaultYear)
    {
        Match m = PeriodMention.Match(sentence, from, length);
        return m.Success ? Resolve(m, defaultYear, sentence) : null;
    }

    private static Mention? MentionAt(string sentence, Group group, int defaultYear)
    {
        if (!group.Success)
        {
            return null;
        }

        Match m = PeriodMention.Match(sentence, group.Index, group.Length);
        return m.Success ? Resolve(m, defaultYear, sentence) : null;
    }

    // A mention's period. A month without a year takes the year of the next month or year the sentence names ("Januari hingga
    // Desember 2023"), else the section's. Year 0000 names nothing.
    private static Mention? Resolve(Match m, int defaultYear, string sentence)
    {
        int end = m.Index + m.Length;
        if (m.Groups["half"].Success)
        {
            return YearOf(m.Groups["hyear"]) is int ? new Mention(m.Index, end, null) : null;
        }

        if (m.Groups["quarter"].Success)
        {
            int quarter = m.Groups["quarter"].Value.ToUpperInvariant() switch { "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, _ => 4 };
            return YearOf(m.Groups["qyear"]) is int qy ? new Mention(m.Index, end, ReportingPeriod.Quarter(qy, quarter)) : null;
        }

        if (m.Groups["month"].Success)
        {
            int month = Array.FindIndex(MonthNames, n => n.Equals(m.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
            int? year = m.Groups["year"].Success ? YearOf(m.Groups["year"]) : null;
            if (!m.Groups["year"].Success)
            {
                Match later = MonthMention.Match(sentence, end);
                year = later.Success && later.Index - end < 40 ? YearOf(later.Groups["year"]) : defaultYear;
            }

            return year is int my ? new Mention(m.Index, end, ReportingPeriod.Month(my, month)) : null;
        }

        return YearOf(m.Groups["yyear"]) is int yy ? new Mention(m.Index, end, ReportingPeriod.OfYear(yy)) : null;
    }

    private static int? YearOf(Group group) =>
        int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year >= 1 ? year : null;

    private static ReportingPeriod? Resolve(Comparison comparison, ReportingPeriod period) => comparison.Relative switch
    {
        Relative.Previous => Safe(period.Previous),
        Relative.YearAgo => Safe(period.SameLastYear),
        _ => comparison.Period,
    };

    // A stated count: a whole number ("1.118", "988"); null for a decimal or a number too large.
    private static long? StatedCount(string text) =>
        TryStatedValue(text, out decimal value) && value.Scale == 0 && value <= long.MaxValue ? (long)value : null;

    // Whether a count's unit word fits the metric: followers are "pengikut"; a consultation is "konsultasi" or "layanan".
    private static bool FitsUnit(Metric metric, string unit)
    {
        if (metric.Kind == MetricKind.Stock)
        {
            return unit.Equals("pengikut", StringComparison.OrdinalIgnoreCase);
        }

        return unit.Length == 0 || metric == Metric.Users
            ? unit.Length == 0 || unit.Equals("pengguna", StringComparison.OrdinalIgnoreCase)
            : !unit.Equals("pengikut", StringComparison.OrdinalIgnoreCase) && !unit.Equals("pengguna", StringComparison.OrdinalIgnoreCase);
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

    private string PartPrefix(Metric metric, Channel? channel, UserSegment? segment) =>
        segment is UserSegment s && channel is null
            ? "segment-" + (_segments.FirstOrDefault(x => x.Segment == s)?.ShortId ?? s.Id)
            : Prefix(metric, channel);

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
        string quote = Space.Replace(Underline.Replace(sentence, " "), " ").Trim();
        int ellipsis = quote.IndexOf('…', StringComparison.Ordinal);
        return ellipsis >= 0 && ellipsis < quote.Length - 1 ? quote[(ellipsis + 1)..].Trim() : quote;
    }

    // Claims about service quality, in any section but the notes: times ("median waktu respons WhatsApp 8 menit"), rates
    // ("tingkat abandon 7,5%", "95% kontak e-mail dijawab dalam 1 hari kerja", FCR, CSAT, repeat contacts) and the backlog.
    // The channel is the one the sentence names, else the section's; else the claim is about all channels.
    private void ServiceClaimsOfSentence(string sentence, Section section, List<Claim> claims, HashSet<string> ids)
    {
        Channel? channel = _channels.Select((c, i) => (c, Match: _channelPatterns[i].Match(sentence)))
            .Where(x => x.Match.Success && x.c.Kind == ChannelKind.Consultation).OrderBy(x => x.Match.Index).Select(x => (Channel?)x.c.Channel).FirstOrDefault()
            ?? (section.Kind == SectionKind.Channel && section.Channel is Channel own && KindOf(own) == ChannelKind.Consultation ? own : null);
        string quote = Quote(sentence);
        string prefix = channel is Channel ch ? Prefix(Metric.Consultations, ch) : "total";
        foreach (Match m in ServiceTime.Matches(sentence))
        {
            string stat = m.Groups["stat"].Value.ToLowerInvariant();
            bool handle = m.Groups["what"].Value.Equals("penanganan", StringComparison.OrdinalIgnoreCase);
            bool working = m.Groups["rest"].Value.Contains("kerja", StringComparison.OrdinalIgnoreCase);
            (Metric metric, string name)? subject = (stat, handle, working) switch
            {
                ("median", false, true) => (ServiceFigureMetrics.MedianWorkingResponseTime, "working-response-median"),
                ("median", false, false) => (ServiceFigureMetrics.MedianResponseTime, "response-median"),
                ("rata-rata", false, false) => (ServiceFigureMetrics.MeanResponseTime, "response-mean"),
                ("rata-rata", true, false) => (ServiceFigureMetrics.MeanHandleTime, "handle-mean"),
                (_, false, false) when stat != "median" && stat != "rata-rata" => (ServiceFigureMetrics.P90ResponseTime, "response-p90"),
                _ => null,
            };
            if (subject is not { } sub || SecondsOf(m.Groups["dur"].Value) is not decimal seconds)
            {
                continue;
            }

            bool approximate = m.Groups["rest"].Value.Contains("sekitar", StringComparison.OrdinalIgnoreCase);
            Add(claims, ids, new Claim(prefix + "-" + sub.name, sub.metric, section.Period, ClaimKind.Duration, seconds, channel: channel, isApproximate: approximate, quote: quote));
        }

        void Rate(Regex pattern, Metric part, Metric whole, string name, bool byChannel = true)
        {
            foreach (Match m in pattern.Matches(sentence))
            {
                if (TryStatedValue(m.Groups["num"].Value, out decimal value))
                {
                    Add(claims, ids, new Claim(
                        (byChannel ? prefix : "total") + "-" + name, part, section.Period, ClaimKind.Share, value, channel: byChannel ? channel : null, quote: quote, of: whole));
                }
            }
        }

        Rate(AnswerRate, ServiceFigureMetrics.Answered, ServiceFigureMetrics.WithOutcome, "answer-rate");
        Rate(AbandonmentRate, ServiceFigureMetrics.Abandoned, ServiceFigureMetrics.WithOutcome, "abandonment-rate");
        Rate(ServiceLevel, ServiceFigureMetrics.WithinTarget, ServiceFigureMetrics.Offered, "service-level");
        Rate(FirstContactResolution, ServiceFigureMetrics.ResolvedAtFirstContact, ServiceFigureMetrics.ResolvableCases, "fcr");
        Rate(Csat, ServiceFigureMetrics.Satisfied, ServiceFigureMetrics.SatisfactionResponses, "csat");
        Rate(RepeatRate, ServiceFigureMetrics.RepeatingUsers, ServiceFigureMetrics.ContactingUsers, "repeat-contacts", byChannel: false);
        foreach (Match m in Backlog.Matches(sentence))
        {
            if (StatedCount(m.Groups["num"].Value) is long open)
            {
                Add(claims, ids, new Claim(prefix + "-backlog", ServiceFigureMetrics.OpenAtEnd, section.Period, ClaimKind.Total, open, channel: channel, quote: quote));
            }
        }
    }

    // "1 jam 5 menit" in seconds; null when a number does not parse.
    private static decimal? SecondsOf(string text)
    {
        decimal total = 0m;
        foreach (Match part in DurationPart.Matches(text))
        {
            if (!TryStatedValue(part.Groups["num"].Value, out decimal value))
            {
                return null;
            }

            total += value * part.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "hari" => 86_400m,
                "jam" => 3_600m,
                "menit" => 60m,
                _ => 1m,
            };
        }

        return total;
    }

    private static void Add(List<Claim> claims, HashSet<string> ids, Claim claim)
    {
        string id = claim.Id;
        for (int n = 2; !ids.Add(id); n++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{claim.Id}-{n}");
        }

        claims.Add(id == claim.Id ? claim : claim.WithId(id));
    }

    private sealed record Section(SectionKind Kind, Channel? Channel, int Start, int BodyStart, int End, ReportingPeriod Period);

    // A period named in a sentence, from Index to End; Period is null for a half-year, which the library has no period for.
    private readonly record struct Mention(int Index, int End, ReportingPeriod? Period);

    // What a change compares against: a named period or one relative to the sentence's; the figure stated for it, if any.
    private readonly record struct Comparison(int Start, int End, ReportingPeriod? Period, Relative Relative, long? Figure, bool Unsupported);
}
