using System.Globalization;
using System.Text;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.Formatting;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;
using Djpk.Metrics.Social;

namespace Djpk.Metrics.Reporting;

/// <summary>Writes a <see cref="MonthlyReport"/> as text or Markdown in one language, with the templates of the report's profile.</summary>
/// <remarks>The writer computes nothing: every figure, trend, anomaly and forecast comes from the model, every word from <see cref="ReportWording"/>.</remarks>
internal sealed class ReportWriter
{
    private readonly MonthlyReport _report;
    private readonly ReportLanguage _language;
    private readonly ReportWording _wording;
    private readonly ReportFormatter _format;
    private readonly StringBuilder _out = new();
    private bool _markdown;

    public ReportWriter(MonthlyReport report, ReportLanguage language)
    {
        _report = report;
        _language = language;
        _wording = report.Profile.Wording;
        _format = ReportFormatter.For(language).WithChangeWords(new ChangeWords(
            W("change.increase", ("percent", ChangeWords.PercentPlaceholder)),
            W("change.decrease", ("percent", ChangeWords.PercentPlaceholder)),
            W("change.unchanged"),
            W("change.fromZero")));
    }

    private string MonthName => _format.FormatMonth(_report.Month.Start.ToYearMonth());

    private string Year => _report.Month.Year.ToString(CultureInfo.InvariantCulture);

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
        Title(W("title", ("month", MonthName)));
        WriteWebsite();
        WriteConsultations();
        WriteSegments();
        foreach (ChannelSection channel in _report.Consultations.Channels)
        {
            WriteChannel(channel);
        }

        if (_report.Service.IsAvailable)
        {
            WriteService(_report.Service);
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
            Heading(W("notes.heading"));
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
        Heading(W("website.heading"));
        if (!website.IsAvailable)
        {
            Missing("website.missingWhat");
            return;
        }

        string lastYearName = Month(_report.Month.SameLastYear());
        if (website.Visits is long visits)
        {
            string comparison = website.VisitsLastYear is long before
                ? W("website.comparison", ("change", Change(website.YearOnYear)), ("lastYear", lastYearName), ("before", Count(before)))
                : string.Empty;
            Sentence(W("website.visits", ("month", MonthName), ("visits", Count(visits)), ("comparison", comparison)));
        }
        else
        {
            Sentence(website.VisitsLastYear is long before
                ? W("website.visitsMissingLastYear", ("month", MonthName), ("lastYear", lastYearName), ("before", Count(before)))
                : W("website.visitsMissing", ("month", MonthName)));
        }

        if (!website.TopPages.IsEmpty)
        {
            string pages = string.Join("; ", website.TopPages.Select((p, i) => $"{i + 1}. {p.Page}" + (p.Visits is long v ? $" ({Count(v)})" : string.Empty)));
            Sentence(W("website.topPages", ("pages", pages)));
        }

        EndParagraph();
    }

    private void WriteConsultations()
    {
        ConsultationSection c = _report.Consultations;
        Heading(W("consultations.heading"));
        if (!c.IsAvailable)
        {
            Missing("consultations.missingWhat");
            return;
        }

        if (c.Total is not long total)
        {
            Sentence(W("consultations.noData", ("month", MonthName)));
            EndParagraph();
            return;
        }

        Sentence(W("consultations.total", ("month", MonthName), ("total", Count(total))));
        if (c.SameMonthLastYear is long lastYear)
        {
            Sentence(W("consultations.yearOnYear", ("month", MonthName), ("change", Change(c.YearOnYear)), ("lastYear", Month(_report.Month.SameLastYear())), ("before", Count(lastYear))));
        }

        if (c.PreviousMonth is long previous)
        {
            Sentence(W("consultations.monthOnMonth", ("previousMonth", Month(_report.Month.Previous())), ("before", Count(previous)), ("month", MonthName), ("change", Change(c.MonthOnMonth))));
        }

        if (c.YearToDate is long ytd)
        {
            string media = Join(c.Channels.Select(ch => ch.Info.NameIn(_language)));
            Sentence(_report.Month.Start.Month == 12
                ? W("consultations.yearToDateFullYear", ("year", Year), ("total", Count(ytd)), ("channels", media))
                : W("consultations.yearToDate", ("month", MonthName), ("total", Count(ytd)), ("channels", media)));
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
        string year = s.Year.ToString(CultureInfo.InvariantCulture);
        Heading(W("segments.heading", ("year", year)));
        if (!s.IsAvailable)
        {
            Missing("segments.missingWhat");
            return;
        }

        if (s.Segments.IsEmpty)
        {
            Sentence(W("segments.noData"));
            EndParagraph();
            return;
        }

        string parts = Join(s.Segments.Select(seg => W("segments.part", ("segment", seg.Info.NameIn(_language)), ("users", Count(seg.Users)), ("share", Percent(seg.Share.Allocated)))));
        string period = _report.Month.Start.Month == 12 ? W("segments.periodFullYear", ("year", year)) : W("segments.period", ("month", MonthName));
        Sentence(W("segments.sentence", ("period", period), ("parts", parts)));
        if (s.DistinctUsers is long distinct && _report.Consultations.YearToDate is long consultations)
        {
            Sentence(W("segments.distinct", ("users", Count(distinct)), ("consultations", Count(consultations))));
        }

        if (!s.SegmentsPartitionUsers)
        {
            Sentence(W("segments.overlap", ("sum", Count(s.SumOfSegmentUsers!.Value)), ("users", Count(s.DistinctUsers!.Value))));
        }

        EndParagraph();
        if (_markdown)
        {
            Table(
                [W("table.segment"), W("table.includes"), W("table.users"), W("table.share")],
                s.Segments.Select(seg => new[] { seg.Info.NameIn(_language), seg.Info.Includes, Count(seg.Users), Percent(seg.Share.Allocated) }));
        }
    }

    private void WriteChannel(ChannelSection channel)
    {
        string name = channel.Info.NameIn(_language);
        Heading(W("channel.heading", ("channel", name)));
        if (channel.Count is not long count)
        {
            Sentence(W("channel.noData", ("channel", name), ("month", MonthName)));
            EndParagraph();
            return;
        }

        string monthOnMonth = channel.PreviousMonth is long previous
            ? W("channel.monthOnMonth", ("change", Change(channel.MonthOnMonth, channel.Info.Channel)), ("before", Count(previous)))
            : string.Empty;
        Sentence(W("channel.count", ("month", MonthName), ("channel", name), ("count", Count(count)), ("monthOnMonth", monthOnMonth)));
        if (channel.SameMonthLastYear is long lastYear)
        {
            Sentence(W("channel.yearOnYear", ("lastYear", Month(_report.Month.SameLastYear())), ("before", Count(lastYear)), ("channel", name), ("change", Change(channel.YearOnYear, channel.Info.Channel))));
        }

        if (channel.Share is { IsDefined: true } share)
        {
            Sentence(W("channel.share", ("month", MonthName), ("share", Percent(share.ToPercent(_report.Settings.ShareDecimals, _report.Settings.ChannelShareRule))), ("count", Count(count)), ("channel", name)));
        }

        if (!channel.TopTopics.IsEmpty)
        {
            Sentence(W("channel.topTopics", ("topics", Join(channel.TopTopics.Select(t => $"{Topic(t)} ({Count(t.Count)})")))));
        }

        if (channel.YearSeries.Any(v => v is not null))
        {
            string series = string.Join(", ", channel.YearSeries.Select((v, i) => $"{_format.FormatMonthAbbreviation(i + 1)} {Optional(v)}"));
            Sentence(W("channel.series", ("year", Year), ("series", series)));
        }

        if (channel.Trend is { } trend)
        {
            Sentence(SeriesNarrative.TrendSentence(name, trend, _format));
        }

        if (channel.Anomalies is { } anomalies)
        {
            foreach (string callout in SeriesNarrative.AnomalyCallouts(name, anomalies, _format))
            {
                Sentence(callout);
            }
        }

        if (channel.Forecast is { } forecast)
        {
            Sentence(SeriesNarrative.ForecastSentence(name, forecast, _format));
        }

        EndParagraph();
    }

    private void WriteService(ServiceSection service)
    {
        Heading(W("service.heading"));
        bool first = true;
        foreach (ChannelServiceSection c in service.Channels)
        {
            BlankLineUnless(first);
            first = false;
            string name = c.Info.NameIn(_language);
            ServiceFigures m = c.Month;
            Sentence(W("service.contacts", ("month", MonthName), ("channel", name), ("contacts", Count(m.Contacts))));
            if (m.AnswerRate.IsDefined)
            {
                Sentence(W("service.answerRate", ("channel", name), ("rate", Rate(m.AnswerRate)), ("part", Count(m.AnswerRate.Part)), ("whole", Count(m.AnswerRate.Total)), ("change", Points(c.AnswerRateChange))));
                Sentence(W("service.abandonmentRate", ("channel", name), ("rate", Rate(m.AbandonmentRate)), ("part", Count(m.AbandonmentRate.Part)), ("whole", Count(m.AbandonmentRate.Total)), ("change", Points(c.AbandonmentRateChange))));
            }

            if (c.Target is ServiceTarget target)
            {
                if (c.ServiceLevel.IsDefined)
                {
                    Sentence(W("service.level",
                        ("rate", Rate(c.ServiceLevel)), ("channel", name), ("target", Target(target)), ("part", Count(c.ServiceLevel.Part)), ("whole", Count(c.ServiceLevel.Total)),
                        ("definition", Definition(c.Definition)), ("change", Points(c.ServiceLevelChange))));
                }
            }
            else if (m.Answered > 0)
            {
                Sentence(W("service.noTarget", ("channel", name)));
            }

            if (m.ResponseTime.Count > 0)
            {
                string previous = c.PreviousMonth.ResponseTime.Median is { } before ? W("service.previousDuration", ("median", Duration(before))) : string.Empty;
                Sentence(W("service.responseTime", ("channel", name), ("median", Duration(m.ResponseTime.Median)), ("p90", Duration(m.ResponseTime.Percentile(0.9m))), ("previous", previous)));
                Sentence(W("service.meanResponseTime", ("channel", name), ("mean", Duration(m.ResponseTime.Mean))));
            }

            if (service.HasWorkingTime && m.WorkingResponseTime.Count > 0)
            {
                Sentence(W("service.workingResponseTime", ("channel", name), ("median", Duration(m.WorkingResponseTime.Median))));
            }

            if (m.HandleTime.Count > 0)
            {
                Sentence(W("service.handleTime", ("channel", name), ("mean", Duration(m.HandleTime.Mean))));
            }

            if (m.FirstContactResolution.IsDefined)
            {
                Sentence(W("service.fcr", ("channel", name), ("rate", Rate(m.FirstContactResolution)), ("part", Count(m.FirstContactResolution.Part)), ("whole", Count(m.FirstContactResolution.Total)), ("change", Points(c.FirstContactResolutionChange))));
            }

            if (m.OpenAtPeriodEnd is long open)
            {
                Sentence(W("service.backlog", ("month", MonthName), ("open", Count(open)), ("channel", name)));
            }

            if (m.Csat.IsDefined)
            {
                Sentence(m.HasFewSatisfactionResponses
                    ? W("service.csatFew", ("channel", name), ("rate", Rate(m.Csat)), ("part", Count(m.Csat.Part)), ("whole", Count(m.Csat.Total)), ("minimum", Count(m.MinSatisfactionResponses)))
                    : W("service.csat", ("channel", name), ("rate", Rate(m.Csat)), ("part", Count(m.Csat.Part)), ("whole", Count(m.Csat.Total)), ("change", Points(c.CsatChange))));
            }

            EndParagraph();
        }

        if (service.RepeatContacts is RepeatContactRate repeat && repeat.Share.IsDefined)
        {
            BlankLineUnless(first);
            Sentence(W("service.repeat",
                ("days", Count(repeat.Days)), ("month", MonthName), ("rate", Rate(repeat.Share)), ("part", Count(repeat.Repeating)), ("whole", Count(repeat.Users)),
                ("change", service.RepeatContactsChange is { } change ? Points(change) : string.Empty)));
            EndParagraph();
        }

        if (_markdown && !service.Channels.IsEmpty)
        {
            Table(
                [W("table.channel"), W("table.contacts"), W("table.answerRate"), W("table.abandonmentRate"), W("table.serviceLevel"), W("table.target"),
                    W("table.medianResponse"), W("table.p90Response"), W("table.meanHandle"), W("table.fcr"), W("table.backlog"), W("table.csat")],
                service.Channels.Select(c => new[]
                {
                    c.Info.NameIn(_language), Count(c.Contacts), OptionalRate(c.Month.AnswerRate), OptionalRate(c.Month.AbandonmentRate), OptionalRate(c.ServiceLevel),
                    c.Target is ServiceTarget t ? Target(t) : "–", Duration(c.Month.ResponseTime.Median), Duration(c.Month.ResponseTime.Percentile(0.9m)),
                    Duration(c.Month.HandleTime.Mean), OptionalRate(c.Month.FirstContactResolution), Optional(c.Month.OpenAtPeriodEnd),
                    c.Month.Csat.IsDefined ? $"{Rate(c.Month.Csat)} ({Count(c.Month.SatisfactionResponses)}{(c.Month.HasFewSatisfactionResponses ? "*" : string.Empty)})" : "–",
                }));
        }
    }

    // The section's paragraphs are one per channel: a blank line between them keeps them apart in Markdown, HTML and text.
    private void BlankLineUnless(bool first)
    {
        if (!first)
        {
            _out.Append('\n');
        }
    }

    // A rate as published: the settings' share decimals under the channel-share rule.
    private string Rate(Share share) => Percent(share.ToPercent(_report.Settings.ShareDecimals, _report.Settings.ChannelShareRule));

    private string OptionalRate(Share share) => share.IsDefined ? Rate(share) : "–";

    // A change of a rate in percentage points, rounded as the rates are; empty when a side is undefined.
    private string Points(PercentagePointChange change)
    {
        if (change.ToPoints(_report.Settings.ShareDecimals, _report.Settings.ChannelShareRule) is not decimal points)
        {
            return string.Empty;
        }

        string words = points switch
        {
            > 0 => W("service.pointsUp", ("points", Number(points))),
            < 0 => W("service.pointsDown", ("points", Number(-points))),
            _ => W("service.pointsSame"),
        };
        return W("service.pointsChange", ("change", words));
    }

    private string Definition(ServiceLevelDefinition definition) => definition switch
    {
        ServiceLevelDefinition.AnsweredOnly => W("service.definition.answeredOnly"),
        ServiceLevelDefinition.ShortAbandonsExcluded => W("service.definition.shortAbandonsExcluded"),
        _ => W("service.definition.abandonedIncluded"),
    };

    // A target in words: "20 detik", or in working time "9 jam kerja", or "1 hari kerja" when the limit is whole days of office hours of one length.
    private string Target(ServiceTarget target)
    {
        if (!target.InWorkingTime)
        {
            return W("service.target.within", ("duration", Duration(target.Limit)));
        }

        if (_report.Settings.ServiceSettings.WorkingTime is { } working)
        {
            NodaTime.Duration[] days = [.. Enum.GetValues<NodaTime.IsoDayOfWeek>().Where(d => d != NodaTime.IsoDayOfWeek.None)
                .Select(d => working.Hours.On(d)).Where(h => h is not null).Select(h => NodaTime.Duration.FromNanoseconds(h!.Value.Close.NanosecondOfDay - h.Value.Open.NanosecondOfDay)).Distinct()];
            if (days.Length == 1 && days[0] > NodaTime.Duration.Zero && target.Limit.ToInt64Nanoseconds() % days[0].ToInt64Nanoseconds() == 0)
            {
                return W("service.target.workingDays", ("days", Count(target.Limit.ToInt64Nanoseconds() / days[0].ToInt64Nanoseconds())));
            }
        }

        return W("service.target.working", ("duration", Duration(target.Limit)));
    }

    // A duration in words, rounded half away from zero to the millisecond and then to its unit: seconds under a minute,
    // minutes under an hour, else hours and minutes; the claims verifier reads the same units back.
    private string Duration(NodaTime.Duration? duration)
    {
        if (duration is not NodaTime.Duration d)
        {
            return "–";
        }

        decimal seconds = Verification.ServiceFigureMetrics.Milliseconds(d) / 1000m;
        long wholeSeconds = (long)Math.Round(seconds, MidpointRounding.AwayFromZero);
        if (wholeSeconds < 60)
        {
            return W("duration.seconds", ("count", Count(wholeSeconds)));
        }

        long minutes = (long)Math.Round(seconds / 60m, MidpointRounding.AwayFromZero);
        if (minutes < 60)
        {
            return W("duration.minutes", ("count", Count(minutes)));
        }

        return minutes % 60 == 0
            ? W("duration.hours", ("count", Count(minutes / 60)))
            : W("duration.hoursMinutes", ("hours", Count(minutes / 60)), ("minutes", Count(minutes % 60)));
    }

    private void WriteSocial(SocialSection social)
    {
        string name = social.Info.NameIn(_language);
        string account = social.Account;
        Heading(string.IsNullOrWhiteSpace(account) || account.Equals(name, StringComparison.OrdinalIgnoreCase)
            ? W("social.headingPlatform", ("channel", name))
            : W("social.heading", ("channel", name), ("account", account)));
        if (social.Snapshot is SocialSnapshot snapshot)
        {
            if (snapshot.Followers is long followers)
            {
                Sentence(W("social.followers", ("date", _format.FormatDate(snapshot.Date)), ("account", account), ("followers", Count(followers))));
            }

            if (snapshot.Reach is AverageReach reach && reach.Round(0, RoundingRule.HalfAwayFromZero) is decimal average)
            {
                Sentence(reach.Total is long totalReach
                    ? W("social.reachTotal", ("reach", Count(totalReach)), ("posts", Count(reach.Posts)), ("average", Number(average)))
                    : W("social.reachAverage", ("average", Number(average)), ("posts", Count(reach.Posts))));
            }

            if (snapshot.Contents is long contents && snapshot.Reach?.Posts != contents)
            {
                Sentence(W("social.contents", ("month", MonthName), ("contents", Count(contents))));
            }

            if (snapshot.Posts is long posts && snapshot.Reach?.Posts != posts)
            {
                Sentence(W("social.posts", ("month", MonthName), ("posts", Count(posts))));
            }

            if (snapshot.FeedPosts is long feed && snapshot.StoryPosts is long stories)
            {
                Sentence(W("social.feedAndStories", ("feed", Count(feed)), ("stories", Count(stories))));
            }

            if (snapshot.ProfileVisits is long visits)
            {
                Sentence(W("social.profileVisits", ("month", MonthName), ("visits", Count(visits))));
            }

            if (snapshot.NewVillageGovernmentFollowers is long newVillages)
            {
                Sentence(W("social.newVillageFollowers", ("month", MonthName), ("count", Count(newVillages)), ("account", account)));
            }

            if (snapshot.VillageGovernmentFollowers is long villages)
            {
                Sentence(W("social.villageFollowers", ("account", account), ("count", Count(villages))));
            }
        }
        else
        {
            Sentence(W("social.noData", ("channel", name), ("account", account), ("month", MonthName)));
        }

        FollowerSeries series = social.Followers;
        if (series.Values.Count(v => v is not null) > 1)
        {
            string values = string.Join(", ", series.Periods.Select((m, i) => $"{_format.FormatMonthAbbreviation(m.Start.Month)} {Optional(series.Values[i])}"));
            Sentence(W("social.followerSeries", ("year", Year), ("values", values)));
            if (social.GrowthSinceJanuary is PercentChange growth)
            {
                Sentence(W("social.growthSinceJanuary", ("year", Year), ("month", MonthName), ("change", Change(growth))));
            }

            if (series.BestMonth() is { } best && series.WorstMonth() is { } worst)
            {
                Sentence(W("social.bestWorst", ("best", Month(best.Month)), ("bestChange", Signed(best.NetChange)), ("worst", Month(worst.Month)), ("worstChange", Signed(worst.NetChange))));
            }
        }

        EndParagraph();
    }

    private void WriteRequests()
    {
        InformationRequestSection section = _report.InformationRequests;
        Heading(W("requests.heading"));
        if (!section.IsAvailable || section.Month is not { } month || section.YearToDate is not { } year)
        {
            Missing("requests.missingWhat");
            return;
        }

        Sentence(W("requests.yearToDate", ("month", MonthName), ("received", Count(year.Received))));
        Sentence(W("requests.month",
            ("month", MonthName), ("received", Count(month.Received)), ("decided", Count(month.Decided)), ("onTime", OnTime(month)),
            ("days", Count(InformationRequest.ResponseWorkingDays)), ("extendedDays", Count(InformationRequest.ResponseWorkingDays + InformationRequest.ExtensionWorkingDays))));
        CalendarNotes(year);
        if (!year.ByPurpose.IsEmpty)
        {
            PurposeCount top = year.ByPurpose[0];
            Sentence(W("requests.topPurpose", ("purpose", top.Purpose), ("count", Count(top.Count))));
        }

        EndParagraph();
    }

    // Says why an on-time share is missing, and which of the year's holidays were not checked against their decree.
    private void CalendarNotes(InformationRequestRecap year)
    {
        if (year.Undetermined > 0 && year.Calendar is { } calendar)
        {
            Sentence(W("requests.calendarNotCovered",
                ("undetermined", Count(year.Undetermined)), ("calendar", calendar.Version),
                ("firstYear", calendar.FirstYear.ToString(CultureInfo.InvariantCulture)), ("lastYear", calendar.LastYear.ToString(CultureInfo.InvariantCulture))));
        }

        if (year.Calendar is { } used)
        {
            string[] unchecked_ = [.. used.Sources.Where(s => !s.CheckedAgainstOfficialText && s.Year == _report.Month.Year).Select(s => s.Year.ToString(CultureInfo.InvariantCulture))];
            if (unchecked_.Length > 0)
            {
                Sentence(W("requests.calendarUnchecked", ("years", Join(unchecked_))));
            }
        }
    }

    private void WriteComplaints()
    {
        ComplaintSection section = _report.Complaints;
        Heading(W("complaints.heading", ("year", Year)));
        if (!section.IsAvailable || section.Month is not { } month || section.YearToDate is not { } year)
        {
            Missing("complaints.missingWhat");
            return;
        }

        foreach ((ComplaintCounts m, ComplaintCounts y) in month.Categories.Zip(year.Categories))
        {
            Sentence(W("complaints.category",
                ("category", Category(m.Category)), ("received", Count(m.Received)), ("resolved", Count(m.Resolved)), ("month", MonthName),
                ("yearReceived", Count(y.Received)), ("open", Count(m.OpenAtEnd))));
        }

        EndParagraph();
        if (_markdown)
        {
            Table(
                [W("table.category"), W("table.receivedMonth"), W("table.resolvedMonth"), W("table.receivedYear"), W("table.open")],
                month.Categories.Zip(year.Categories).Select(p => new[] { Category(p.First.Category), Count(p.First.Received), Count(p.First.Resolved), Count(p.Second.Received), Count(p.First.OpenAtEnd) }));
        }
    }

    private void WriteRecap()
    {
        InformationRequestSection section = _report.InformationRequests;
        Heading(W("recap.heading", ("year", Year)));
        if (section.YearToDate is not { } year)
        {
            Missing("requests.missingWhat");
            return;
        }

        long Outcome(RequestOutcome outcome) => year.ByOutcome.TryGetValue(outcome, out long n) ? n : 0;
        Sentence(W("recap.sentence",
            ("month", MonthName), ("received", Count(year.Received)), ("decided", Count(year.Decided)),
            ("grantedInFull", Count(Outcome(RequestOutcome.GrantedInFull))), ("grantedInPart", Count(Outcome(RequestOutcome.GrantedInPart))),
            ("rejected", Count(Outcome(RequestOutcome.Rejected))), ("pending", Count(year.PendingAtEnd)), ("onTime", OnTime(year))));
        EndParagraph();
        if (_markdown && !year.ByPurpose.IsEmpty)
        {
            Table([W("table.purpose"), W("table.requests")], year.ByPurpose.Select(p => new[] { p.Purpose, Count(p.Count) }));
        }
    }

    private void ChannelTable(ConsultationSection c)
    {
        string month = _format.FormatMonth(_report.Month.Start.ToYearMonth());
        string previous = _format.FormatMonth(_report.Month.Previous().Start.ToYearMonth());
        string lastYear = _format.FormatMonth(_report.Month.SameLastYear().Start.ToYearMonth());
        Table(
            [W("table.channel"), month, W("table.share"), previous, "MoM", lastYear, "YoY"],
            c.Channels.Select(ch => new[]
            {
                ch.Info.NameIn(_language), Optional(ch.Count), Percent(ch.Share?.ToPercent(_report.Settings.ShareDecimals, _report.Settings.ChannelShareRule)),
                Optional(ch.PreviousMonth), SignedPercent(ch.MonthOnMonth, ch.Info.Channel), Optional(ch.SameMonthLastYear), SignedPercent(ch.YearOnYear, ch.Info.Channel),
            }).Append([W("table.total"), Optional(c.Total), Percent(c.Total is > 0 ? 100m : null), Optional(c.PreviousMonth), SignedPercent(c.MonthOnMonth, null), Optional(c.SameMonthLastYear), SignedPercent(c.YearOnYear, null)]));
        Table(
            [W("table.channel"), .. c.YearMonths.Select(m => _format.FormatMonthAbbreviation(m.Start.Month))],
            c.Channels.Select(ch => new[] { ch.Info.NameIn(_language) }.Concat(ch.YearSeries.Select(Optional)).ToArray()));
    }

    // A change in the profile's words, rounded once with the decimals the settings give the change (and its channel).
    private string Change(PercentChange? change, Channel? channel = null)
    {
        if (change is not PercentChange c)
        {
            return W("change.unavailable");
        }

        if (c.Direction == ChangeDirection.Increase && !c.IsNew && _report.Settings.SignificantChangePercent is decimal significant && c.Percent >= significant)
        {
            return W("change.significant");
        }

        return _format.FormatChange(c, _report.Settings.ChangeDecimalsFor(c, channel), _report.Settings.ChangeRule);
    }

    private string SignedPercent(PercentChange? change, Channel? channel) =>
        change is PercentChange c && _report.Settings.PublishedPercent(c, channel) is decimal p ? (p > 0 ? "+" : string.Empty) + _format.FormatPercent(p) : "–";

    private string OnTime(InformationRequestRecap recap) => recap.OnTimeShare switch
    {
        null => W("requests.onTimeUnknown"),
        { } share when share.ToPercent(_report.Settings.ShareDecimals, RoundingRule.TowardZero) is decimal p => _format.FormatPercent(p),
        _ => W("requests.onTimeNone"),
    };

    private string Category(ComplaintCategory category) =>
        _report.Settings.ComplaintCategories.FirstOrDefault(c => c.Category == category) is { } info ? info.NameIn(_language) : category.Id;

    private string Topic(TopicCount topic) => topic.Topic.IsUnspecified ? W("topic.unspecified") : topic.Topic.Name;

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
            2 => all[0] + W("list.and") + all[1],
            _ => string.Join(", ", all[..^1]) + W("list.lastAnd") + all[^1],
        };
    }

    private string W(string key, params ReadOnlySpan<(string Name, string Value)> values) => _wording.Format(_language, key, values);

    private void Title(string text) => _out.Append(_markdown ? "# " : string.Empty).Append(text).Append('\n').Append(_markdown ? string.Empty : new string('=', text.Length) + "\n");

    private void Heading(string text) => _out.Append('\n').Append(_markdown ? "## " + text + "\n\n" : text + "\n" + new string('-', text.Length) + "\n");

    private void Missing(string whatKey)
    {
        Sentence(W("missing", ("what", W(whatKey))));
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
