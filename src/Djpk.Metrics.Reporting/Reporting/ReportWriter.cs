using System.Text;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Social;
using Djpk.Metrics.Statistics;

using Djpk.Metrics.Formatting;
namespace Djpk.Metrics.Reporting;

/// <summary>Writes a <see cref="MonthlyReport"/> as text or Markdown in one language, in the style of DJPK's published report.</summary>
internal sealed class ReportWriter
{
    private readonly MonthlyReport _report;
    private readonly ReportLanguage _language;
    private readonly ReportFormatter _format;
    private readonly StringBuilder _out = new();
    private bool _markdown;

    public ReportWriter(MonthlyReport report, ReportLanguage language)
    {
        _report = report;
        _language = language;
        _format = ReportFormatter.For(language);
    }

    private bool Indonesian => _language == ReportLanguage.Indonesian;

    private string MonthName => _format.FormatMonth(_report.Month.Start.ToYearMonth());

    public string Text()
    {
        _markdown = false;
        return Write();
    }

    public string Markdown()
    {
        _markdown = true;
        return Write();
    }

    private string Write()
    {
        _out.Clear();
        Title(L($"Laporan Layanan Informasi DJPK — {MonthName}", $"DJPK Information Services Report — {MonthName}"));
        WriteWebsite();
        WriteConsultations();
        WriteSegments();
        foreach (ChannelSection channel in _report.Consultations.Channels)
        {
            WriteChannel(channel);
        }

        foreach (SocialSection social in _report.Social)
        {
            WriteSocial(social);
        }

        WriteRequests();
        WriteComplaints();
        WriteRecap();
        if (!_report.Notes.IsEmpty)
        {
            Heading(L("Catatan", "Notes"));
            foreach (ReportNote note in _report.Notes)
            {
                Line("- " + note.In(_language));
            }
        }

        return _out.ToString();
    }

    private void WriteWebsite()
    {
        WebsiteSection website = _report.Website;
        Heading(L("Kunjungan Website DJPK", "DJPK website visits"));
        if (!website.IsAvailable)
        {
            Missing(L("kunjungan website", "website"));
            return;
        }

        ReportingPeriod lastYear = _report.Month.SameLastYear();
        string lastYearName = Month(lastYear);
        if (website.Visits is long visits)
        {
            string comparison = website.VisitsLastYear is long before
                ? L($", {Change(website.YearOnYear)} dibandingkan bulan {lastYearName} ({Count(before)})", $", which {Change(website.YearOnYear)} compared with {lastYearName} ({Count(before)})")
                : string.Empty;
            Sentence(L($"Jumlah pengunjung Website DJPK pada bulan {MonthName} sebanyak {Count(visits)}{comparison}.", $"The DJPK website had {Count(visits)} visitors in {MonthName}{comparison}."));
        }
        else
        {
            Sentence(L($"Jumlah pengunjung bulan {MonthName} tidak tersedia", $"The number of visitors in {MonthName} is not available")
                + (website.VisitsLastYear is long before ? L($"; bulan {lastYearName}: {Count(before)}.", $"; {lastYearName}: {Count(before)}.") : "."));
        }

        if (!website.TopPages.IsEmpty)
        {
            string pages = string.Join("; ", website.TopPages.Select((p, i) => $"{i + 1}. {p.Page}" + (p.Visits is long v ? $" ({Count(v)})" : string.Empty)));
            Sentence(L($"Halaman yang paling banyak diakses antara lain {pages}.", $"The most visited pages were {pages}."));
        }

        EndParagraph();
    }

    private void WriteConsultations()
    {
        ConsultationSection c = _report.Consultations;
        Heading(L("Perkembangan Jumlah Konsultasi", "Consultations"));
        if (!c.IsAvailable)
        {
            Missing(L("konsultasi", "consultation"));
            return;
        }

        if (c.Total is not long total)
        {
            Sentence(L($"Data konsultasi bulan {MonthName} tidak tersedia.", $"No consultation data reaches {MonthName}."));
            EndParagraph();
            return;
        }

        Sentence(L($"Jumlah konsultasi di bulan {MonthName} sebanyak {Count(total)} konsultasi.", $"There were {Count(total)} consultations in {MonthName}."));
        if (c.SameMonthLastYear is long lastYear)
        {
            string name = Month(_report.Month.SameLastYear());
            Sentence(L($"Jumlah konsultasi di bulan {MonthName} {Change(c.YearOnYear)} dibandingkan bulan {name} ({Count(lastYear)} konsultasi).",
                $"Consultations in {MonthName} {Change(c.YearOnYear)} compared with {name} ({Count(lastYear)} consultations)."));
        }

        if (c.PreviousMonth is long previous)
        {
            string name = Month(_report.Month.Previous());
            Sentence(L($"Jika dibandingkan dengan jumlah konsultasi di bulan {name} ({Count(previous)} konsultasi), jumlah konsultasi di bulan {MonthName} {Change(c.MonthOnMonth)}.",
                $"Compared with {name} ({Count(previous)} consultations), consultations in {MonthName} {Change(c.MonthOnMonth)}."));
        }

        if (c.YearToDate is long ytd)
        {
            string media = Join(c.Channels.Select(ch => ch.Info.NameIn(_language)));
            Sentence(_report.Month.Start.Month == 12
                ? L($"Selama tahun {_report.Month.Year}, jumlah konsultasi yang dilayani adalah sebanyak {Count(ytd)} konsultasi melalui berbagai media ({media}).",
                    $"During {_report.Month.Year}, {Count(ytd)} consultations were served through all channels ({media}).")
                : L($"Sejak Januari hingga {MonthName}, jumlah konsultasi yang dilayani adalah sebanyak {Count(ytd)} konsultasi melalui berbagai media ({media}).",
                    $"From January to {MonthName}, {Count(ytd)} consultations were served through all channels ({media})."));
        }

        EndParagraph();
        if (_markdown)
        {
            ChannelTable(c);
        }
    }

    private void WriteSegments()
    {
        SegmentSection s = _report.Segments;
        Heading(L($"Pengguna Layanan selama Tahun {s.Year}", $"Users in {s.Year}"));
        if (!s.IsAvailable)
        {
            Missing(L("pengguna layanan", "user"));
            return;
        }

        if (s.Segments.IsEmpty)
        {
            Sentence(L("Data pengguna per segmen tidak tersedia untuk seluruh bulan tahun ini.", "User data by segment does not cover every month of the year."));
            EndParagraph();
            return;
        }

        string parts = Join(s.Segments.Select(seg => L(
            $"{seg.Info.NameIn(_language)} {Count(seg.Users)} pengguna ({Percent(seg.Share.Allocated)})",
            $"{seg.Info.NameIn(_language)} {Count(seg.Users)} users ({Percent(seg.Share.Allocated)})")));
        string period = _report.Month.Start.Month == 12 ? L($"Selama tahun {s.Year}", $"During {s.Year}") : L($"Sejak Januari hingga {MonthName}", $"From January to {MonthName}");
        Sentence(L($"{period}, pengguna layanan terdiri atas {parts}.", $"{period}, the users were: {parts}."));
        if (s.DistinctUsers is long distinct && _report.Consultations.YearToDate is long consultations)
        {
            Sentence(L($"Seorang pengguna dapat berkonsultasi lebih dari sekali: {Count(distinct)} pengguna untuk {Count(consultations)} konsultasi.",
                $"A user may consult more than once: {Count(distinct)} users for {Count(consultations)} consultations."));
        }

        EndParagraph();
        if (_markdown)
        {
            Table(
                [L("Segmen", "Segment"), L("Termasuk", "Includes"), L("Pengguna", "Users"), L("Porsi", "Share")],
                s.Segments.Select(seg => new[] { seg.Info.NameIn(_language), seg.Info.Includes, Count(seg.Users), Percent(seg.Share.Allocated) }));
        }
    }

    private void WriteChannel(ChannelSection channel)
    {
        string name = channel.Info.NameIn(_language);
        Heading(L($"Konsultasi {name}", $"{name} consultations"));
        if (channel.Count is not long count)
        {
            Sentence(L($"Data {name} bulan {MonthName} tidak tersedia.", $"No {name} data reaches {MonthName}."));
            EndParagraph();
            return;
        }

        string monthOnMonth = channel.PreviousMonth is long previous
            ? L($" atau {Change(channel.MonthOnMonth)} dibandingkan bulan sebelumnya ({Count(previous)} layanan)", $", which {Change(channel.MonthOnMonth)} compared with the previous month ({Count(previous)})")
            : string.Empty;
        Sentence(L($"Jumlah konsultasi pada bulan {MonthName} melalui {name} sebanyak {Count(count)}{monthOnMonth}.",
            $"In {MonthName}, {name} served {Count(count)} consultations{monthOnMonth}."));
        if (channel.SameMonthLastYear is long lastYear)
        {
            string yearName = Month(_report.Month.SameLastYear());
            Sentence(L($"Jika dibandingkan dengan {yearName} ({Count(lastYear)} layanan), jumlah konsultasi melalui {name} {Change(channel.YearOnYear)}.",
                $"Compared with {yearName} ({Count(lastYear)}), {name} consultations {Change(channel.YearOnYear)}."));
        }

        if (channel.Share is { IsDefined: true } share)
        {
            Sentence(L($"Pada bulan {MonthName}, sebanyak {Percent(share.ToPercent(_report.Settings.ShareDecimals, _report.Settings.ChannelShareRule))} ({Count(count)} konsultasi) dari seluruh konsultasi melalui {name}.",
                $"In {MonthName}, {Percent(share.ToPercent(_report.Settings.ShareDecimals, _report.Settings.ChannelShareRule))} of all consultations ({Count(count)}) came through {name}."));
        }

        if (!channel.TopTopics.IsEmpty)
        {
            string topics = Join(channel.TopTopics.Select(t => $"{Topic(t)} ({Count(t.Count)})"));
            Sentence(L($"Topik konsultasi terbanyak: {topics}.", $"Top topics: {topics}."));
        }

        if (channel.YearSeries.Any(v => v is not null))
        {
            string series = string.Join(", ", channel.YearSeries.Select((v, i) => $"{_format.FormatMonthAbbreviation(i + 1)} {Optional(v)}"));
            Sentence(L($"Jumlah konsultasi per bulan tahun {_report.Month.Year}: {series}.", $"Consultations per month in {_report.Month.Year}: {series}."));
            if (MonthlySeries.FromCounts(ReportingPeriod.Month(_report.Month.Year, 1), channel.YearSeries).Trim() is { Count: >= 5 } monthly)
            {
                Sentence(SeriesNarrative.TrendSentence(name, monthly.Trend(), _format));
                foreach (string callout in SeriesNarrative.AnomalyCallouts(name, monthly.Anomalies(), _format))
                {
                    Sentence(callout);
                }
            }
        }

        EndParagraph();
    }

    private void WriteSocial(SocialSection social)
    {
        string name = social.Info.NameIn(_language);
        Heading(L($"Performa {name}", $"{name} performance"));
        if (social.Snapshot is SocialSnapshot snapshot)
        {
            string date = _format.FormatDate(snapshot.Date);
            if (snapshot.Followers is long followers)
            {
                Sentence(L($"Per {date}, akun {social.Account} memiliki {Count(followers)} pengikut.", $"On {date}, {social.Account} had {Count(followers)} followers."));
            }

            if (snapshot.Reach is AverageReach reach && reach.Round(0, RoundingRule.HalfAwayFromZero) is decimal average)
            {
                Sentence(reach.Total is long totalReach
                    ? L($"Reach total {Count(totalReach)} dari {Count(reach.Posts)} unggahan (rata-rata {Number(average)} per unggahan).",
                        $"Total reach was {Count(totalReach)} over {Count(reach.Posts)} posts ({Number(average)} per post on average).")
                    : L($"Reach rata-rata {Number(average)} per konten ({Count(reach.Posts)} konten).", $"Average reach was {Number(average)} per content item ({Count(reach.Posts)} items)."));
            }

            if (snapshot.Contents is long contents && snapshot.Reach?.Posts != contents)
            {
                Sentence(L($"Jumlah konten bulan {MonthName}: {Count(contents)}.", $"Content items in {MonthName}: {Count(contents)}."));
            }

            if (snapshot.Posts is long posts && snapshot.Reach?.Posts != posts)
            {
                Sentence(L($"Jumlah unggahan bulan {MonthName}: {Count(posts)}.", $"Posts in {MonthName}: {Count(posts)}."));
            }

            if (snapshot.FeedPosts is long feed && snapshot.StoryPosts is long stories)
            {
                Sentence(L($"Unggahan feed: {Count(feed)}; story: {Count(stories)}.", $"Feed posts: {Count(feed)}; stories: {Count(stories)}."));
            }

            if (snapshot.ProfileVisits is long visits)
            {
                Sentence(L($"Kunjungan profil bulan {MonthName}: {Count(visits)}.", $"Profile visits in {MonthName}: {Count(visits)}."));
            }

            if (snapshot.NewVillageGovernmentFollowers is long newVillages)
            {
                Sentence(L($"Di bulan {MonthName}, terdapat {Count(newVillages)} akun Pemerintah Desa yang mulai mengikuti {social.Account}.",
                    $"In {MonthName}, {Count(newVillages)} village-government accounts started following {social.Account}."));
            }

            if (snapshot.VillageGovernmentFollowers is long villages)
            {
                Sentence(L($"Total akun desa pengikut {social.Account} adalah {Count(villages)} akun.", $"{Count(villages)} village-government accounts follow {social.Account} in all."));
            }
        }
        else
        {
            Sentence(L($"Data {name} bulan {MonthName} tidak tersedia.", $"No {name} data for {MonthName}."));
        }

        FollowerSeries series = social.Followers;
        if (series.Values().Count(v => v is not null) > 1)
        {
            string values = string.Join(", ", series.Months.Select((m, i) => $"{_format.FormatMonthAbbreviation(m.Start.Month)} {Optional(series.Values()[i])}"));
            Sentence(L($"Pengikut akhir bulan tahun {_report.Month.Year}: {values}.", $"Followers at each month's end in {_report.Month.Year}: {values}."));
            if (social.GrowthSinceJanuary is PercentChange growth)
            {
                Sentence(L($"Sejak akhir Januari, jumlah pengikut {Change(growth)}.", $"Since the end of January, followers {Change(growth)}."));
            }

            if (series.BestMonth() is { } best && series.WorstMonth() is { } worst)
            {
                Sentence(L($"Perubahan terbaik di bulan {Month(best.Month)} ({Signed(best.NetChange)}), terburuk di bulan {Month(worst.Month)} ({Signed(worst.NetChange)}).",
                    $"The best month was {Month(best.Month)} ({Signed(best.NetChange)}), the worst {Month(worst.Month)} ({Signed(worst.NetChange)})."));
            }
        }

        EndParagraph();
    }

    private void WriteRequests()
    {
        InformationRequestSection section = _report.InformationRequests;
        Heading(L("Layanan PPID", "PPID information requests"));
        if (!section.IsAvailable || section.Month is not { } month || section.YearToDate is not { } year)
        {
            Missing(L("permohonan informasi PPID", "PPID request"));
            return;
        }

        Sentence(L($"Jumlah permohonan data melalui PPID DJPK sampai dengan {MonthName} berjumlah {Count(year.Received)} permohonan.",
            $"Up to {MonthName}, the DJPK PPID received {Count(year.Received)} information requests."));
        Sentence(L($"Pada bulan {MonthName}, {Count(month.Received)} permohonan diterima dan {Count(month.Decided)} diputus; {OnTime(month)} tepat waktu (paling lambat {InformationRequest.ResponseWorkingDays} hari kerja, atau {InformationRequest.ResponseWorkingDays + InformationRequest.ExtensionWorkingDays} hari kerja bila diperpanjang).",
            $"In {MonthName}, {Count(month.Received)} requests were received and {Count(month.Decided)} decided; {OnTime(month)} on time (within {InformationRequest.ResponseWorkingDays} working days, or {InformationRequest.ResponseWorkingDays + InformationRequest.ExtensionWorkingDays} when extended)."));
        if (!year.ByPurpose.IsEmpty)
        {
            PurposeCount top = year.ByPurpose[0];
            Sentence(L($"Sebagian besar permintaan data dalam rangka keperluan {top.Purpose} ({Count(top.Count)} permohonan).",
                $"Most requests were for {top.Purpose} ({Count(top.Count)} requests)."));
        }

        EndParagraph();
    }

    private void WriteComplaints()
    {
        ComplaintSection section = _report.Complaints;
        Heading(L($"Pengaduan dan Keluhan Tahun {_report.Month.Year}", $"Complaints in {_report.Month.Year}"));
        if (!section.IsAvailable || section.Month is not { } month || section.YearToDate is not { } year)
        {
            Missing(L("pengaduan dan keluhan", "complaint"));
            return;
        }

        foreach ((ComplaintCounts m, ComplaintCounts y) in month.Categories.Zip(year.Categories))
        {
            Sentence(L($"{Category(m.Category)}: {Count(m.Received)} diterima dan {Count(m.Resolved)} selesai di bulan {MonthName}; {Count(y.Received)} diterima sejak Januari; {Count(m.OpenAtEnd)} masih terbuka di akhir bulan.",
                $"{Category(m.Category)}: {Count(m.Received)} received and {Count(m.Resolved)} resolved in {MonthName}; {Count(y.Received)} received since January; {Count(m.OpenAtEnd)} open at the month's end."));
        }

        EndParagraph();
        if (_markdown)
        {
            Table(
                [L("Kategori", "Category"), L("Diterima (bulan)", "Received (month)"), L("Selesai (bulan)", "Resolved (month)"), L("Diterima (tahun)", "Received (year)"), L("Terbuka", "Open")],
                month.Categories.Zip(year.Categories).Select(p => new[] { Category(p.First.Category), Count(p.First.Received), Count(p.First.Resolved), Count(p.Second.Received), Count(p.First.OpenAtEnd) }));
        }
    }

    private void WriteRecap()
    {
        InformationRequestSection section = _report.InformationRequests;
        Heading(L($"Rekapitulasi Permintaan Informasi Publik Tahun {_report.Month.Year}", $"Public-information requests in {_report.Month.Year}"));
        if (section.YearToDate is not { } year)
        {
            Missing(L("permohonan informasi PPID", "PPID request"));
            return;
        }

        long Outcome(RequestOutcome outcome) => year.ByOutcome.TryGetValue(outcome, out long n) ? n : 0;
        Sentence(L($"Sejak Januari hingga {MonthName}: {Count(year.Received)} permohonan diterima, {Count(year.Decided)} diputus ({Count(Outcome(RequestOutcome.GrantedInFull))} dikabulkan seluruhnya, {Count(Outcome(RequestOutcome.GrantedInPart))} sebagian, {Count(Outcome(RequestOutcome.Rejected))} ditolak), {Count(year.PendingAtEnd)} masih diproses; {OnTime(year)} tepat waktu.",
            $"From January to {MonthName}: {Count(year.Received)} requests received, {Count(year.Decided)} decided ({Count(Outcome(RequestOutcome.GrantedInFull))} granted in full, {Count(Outcome(RequestOutcome.GrantedInPart))} in part, {Count(Outcome(RequestOutcome.Rejected))} rejected), {Count(year.PendingAtEnd)} pending; {OnTime(year)} on time."));
        EndParagraph();
        if (_markdown && !year.ByPurpose.IsEmpty)
        {
            Table([L("Keperluan", "Purpose"), L("Permohonan", "Requests")], year.ByPurpose.Select(p => new[] { p.Purpose, Count(p.Count) }));
        }
    }

    private void ChannelTable(ConsultationSection c)
    {
        string month = _format.FormatMonth(_report.Month.Start.ToYearMonth());
        string previous = _format.FormatMonth(_report.Month.Previous().Start.ToYearMonth());
        string lastYear = _format.FormatMonth(_report.Month.SameLastYear().Start.ToYearMonth());
        Table(
            [L("Kanal", "Channel"), month, L("Porsi", "Share"), previous, "MoM", lastYear, "YoY"],
            c.Channels.Select(ch => new[]
            {
                ch.Info.NameIn(_language), Optional(ch.Count), Percent(ch.Share?.ToPercent(_report.Settings.ShareDecimals, _report.Settings.ChannelShareRule)),
                Optional(ch.PreviousMonth), SignedPercent(ch.MonthOnMonth), Optional(ch.SameMonthLastYear), SignedPercent(ch.YearOnYear),
            }).Append([L("Total", "Total"), Optional(c.Total), Percent(c.Total is > 0 ? 100m : null), Optional(c.PreviousMonth), SignedPercent(c.MonthOnMonth), Optional(c.SameMonthLastYear), SignedPercent(c.YearOnYear)]));
        Table(
            [L("Kanal", "Channel"), .. c.YearMonths.Select(m => _format.FormatMonthAbbreviation(m.Start.Month))],
            c.Channels.Select(ch => new[] { ch.Info.NameIn(_language) }.Concat(ch.YearSeries.Select(Optional)).ToArray()));
    }

    private string Change(PercentChange? change)
    {
        if (change is not PercentChange c)
        {
            return L("(tidak dapat dibandingkan)", "(no comparison)");
        }

        if (c.Direction == ChangeDirection.Unchanged)
        {
            return L("tetap", "was unchanged");
        }

        if (c.IsNew)
        {
            return L("meningkat (dari 0)", "increased (from 0)");
        }

        decimal published = Math.Abs(_report.Settings.PublishedPercent(c)!.Value);
        if (c.Direction == ChangeDirection.Increase && c.Percent >= _report.Settings.SignificantChangePercent)
        {
            return L("meningkat signifikan", "increased significantly");
        }

        return c.Direction == ChangeDirection.Increase
            ? L($"meningkat {_format.FormatPercent(published)}", $"increased by {_format.FormatPercent(published)}")
            : L($"turun {_format.FormatPercent(published)}", $"decreased by {_format.FormatPercent(published)}");
    }

    private string SignedPercent(PercentChange? change) =>
        change is PercentChange c && _report.Settings.PublishedPercent(c) is decimal p ? (p > 0 ? "+" : string.Empty) + _format.FormatPercent(p) : "–";

    private string OnTime(InformationRequestRecap recap) =>
        recap.OnTimeShare.ToPercent(_report.Settings.ShareDecimals, RoundingRule.TowardZero) is decimal p ? _format.FormatPercent(p) : L("tidak ada yang", "none");

    private string Category(ComplaintCategory category) => category switch
    {
        ComplaintCategory.Pengaduan => L("Pengaduan", "Reports (pengaduan)"),
        ComplaintCategory.KeluhanLayanan => L("Keluhan Layanan", "Service complaints"),
        _ => L("Keluhan Kebijakan", "Policy complaints"),
    };

    private string Topic(TopicCount topic) => topic.Topic.IsUnspecified ? L("(tanpa topik)", "(no topic)") : topic.Topic.Name;

    private string Month(ReportingPeriod month) => _format.FormatMonth(month.Start.ToYearMonth());

    private string Count(long value) => _format.FormatCount(value);

    private string Number(decimal value) => _format.FormatNumber(value);

    private string Signed(long value) => (value > 0 ? "+" : string.Empty) + _format.FormatCount(value);

    private string Optional(long? value) => value is long v ? _format.FormatCount(v) : "–";

    private string Percent(decimal? value) => value is decimal v ? _format.FormatPercent(v) : "–";

    private string Join(IEnumerable<string> items)
    {
        string[] all = [.. items];
        return all.Length switch
        {
            <= 1 => string.Concat(all),
            2 => all[0] + L(" dan ", " and ") + all[1],
            _ => string.Join(", ", all[..^1]) + L(", dan ", ", and ") + all[^1],
        };
    }

    private string L(string indonesian, string english) => Indonesian ? indonesian : english;

    private void Title(string text) => _out.Append(_markdown ? "# " : string.Empty).Append(text).Append('\n').Append(_markdown ? string.Empty : new string('=', text.Length) + "\n");

    private void Heading(string text) => _out.Append('\n').Append(_markdown ? "## " + text + "\n\n" : text + "\n" + new string('-', text.Length) + "\n");

    private void Missing(string what)
    {
        Sentence(L($"Data {what} tidak tersedia untuk laporan ini.", $"No {what} data was supplied for this report."));
        EndParagraph();
    }

    private void Sentence(string text) => _out.Append(text).Append(' ');

    private void EndParagraph()
    {
        if (_out.Length > 0 && _out[^1] == ' ')
        {
            _out.Length--;
        }

        _out.Append('\n');
    }

    private void Line(string text) => _out.Append(text).Append('\n');

    private void Table(string[] header, IEnumerable<string[]> rows)
    {
        _out.Append('\n');
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (string[] row in rows)
        {
            Line("| " + string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }
    }
}
