using System.Text.Json;
using Djpk.Metrics;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Profiles;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Social;
using Djpk.Metrics.Web;
using NodaTime;

namespace Djpk.Metrics.Samples.ReportSample;

/// <summary>
/// Rebuilds the inputs of DJPK's December 2023 report from the figures it states (Data/djpk-report-2023-12.json): a raw
/// consultation log of December 2022 to December 2023 whose aggregates equal every consultation figure of the report,
/// and the social, website and PPID figures as snapshots. What the report does not state is generated from a fixed seed
/// and labelled as synthetic in the report's notes.
/// </summary>
public static class December2023
{
    public const int Seed = 20231231;

    private static readonly Channel[] ConsultationChannels = [DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.HaiKemenkeu, DjpkChannels.LiveChat];
    private static readonly string[] OtherTopics =
        ["Dana Desa", "DAU", "APBD", "SIKD", "Permintaan Data", "Surat Masuk", "Pajak Daerah", "Lainnya", "Hibah", "Insentif Fiskal", "DBH", "Reservasi", "DAK Non Fisik", "DAK Fisik"];

    /// <summary>Gets the report's month.</summary>
    public static ReportingPeriod Month { get; } = ReportingPeriod.Month(2023, 12);

    /// <summary>Builds the report's inputs from the figures in <paramref name="figuresPath"/>.</summary>
    public static ReportInputs Inputs(string figuresPath)
    {
        using JsonDocument figures = JsonDocument.Parse(File.ReadAllText(figuresPath));
        JsonElement root = figures.RootElement;
        var random = new Random(Seed);
        return ReportInputs.Empty
            .WithConsultations(Consultations(root, random))
            .WithSocial(Social(root))
            .WithWebsite(Website(root))
            .WithInformationRequests(Requests(root, random))
            .WithComplaints(Complaints(random))
            .WithNote(new ReportNote(
                "Jumlah konsultasi per kanal (Desember 2022, November dan Desember 2023), seri telepon 2023, total 2023, pengguna per segmen 2023 dan topik teratas Desember sama dengan laporan; waktu, pengguna dan topik lain setiap konsultasi dibangkitkan (sintetis).",
                "Consultations per channel (December 2022, November and December 2023), the 2023 phone series, the 2023 total, users per segment in 2023 and December's top topics equal the report; each consultation's time, user and other topics are generated (synthetic)."))
            .WithNote(new ReportNote(
                "Konsultasi WhatsApp, e-mail, HAI Kemenkeu dan Live Chat Januari–Oktober 2023 sintetis: laporan hanya menyebut total tahunan 18.008.",
                "WhatsApp, e-mail, HAI Kemenkeu and live-chat consultations of January–October 2023 are synthetic: the report states only the 2023 total of 18,008."))
            .WithNote(new ReportNote(
                "Kunjungan website Desember 2023 sintetis: laporan hanya menyebut turun sekitar 21% dari 93.598.",
                "Website visits of December 2023 are synthetic: the report says only that they fell about 21% from 93,598."))
            .WithNote(new ReportNote(
                "Rincian 162 permohonan PPID 2023 (tanggal, keperluan, hasil) dan seluruh data pengaduan sintetis.",
                "The details of the 162 PPID requests of 2023 (dates, purposes, outcomes) and all complaint data are synthetic."));
    }

    private static InteractionLog Consultations(JsonElement root, Random random)
    {
        JsonElement consultations = root.GetProperty("consultations");
        var counts = new Dictionary<(Channel, ReportingPeriod), int>();
        foreach (JsonElement row in consultations.GetProperty("byChannelMonth").EnumerateArray())
        {
            counts[(new Channel(row.GetProperty("channel").GetString()!), ReportingPeriod.Parse(row.GetProperty("period").GetString()!))] = row.GetProperty("count").GetInt32();
        }

        // January–October 2023 of the channels the report gives only for November and December: the rest of the year's total.
        int yearTotal = consultations.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("period").GetString() == "2023").GetProperty("count").GetInt32();
        PeriodRange year = PeriodRange.MonthsOf(2023);
        int known = counts.Where(c => year.Contains(c.Key.Item2)).Sum(c => c.Value);
        Channel[] open = [DjpkChannels.WhatsApp, DjpkChannels.Email, DjpkChannels.HaiKemenkeu, DjpkChannels.LiveChat];
        double[] weights = [84.6, 10.8, 2.9, 1.7];
        var cells = new List<((Channel, ReportingPeriod) Key, double Weight)>();
        foreach (ReportingPeriod month in year.Where(m => m.Start.Month <= 10))
        {
            double season = 0.8 + (0.4 * random.NextDouble());
            cells.AddRange(open.Select((c, i) => ((c, month), weights[i] * season)));
        }

        Allocate(yearTotal - known, cells, counts);

        // December's topics: those the report names, then the rest of each channel's month spread below them.
        var fixedTopics = new Dictionary<Channel, (string Topic, int Count)[]>
        {
            [DjpkChannels.Phone] = [("Reservasi", 37), ("DBH", 17), ("DAK Non Fisik", 12), ("Dana Desa", 11), ("DAU", 10), ("APBD", 10), ("SIKD", 9), ("Permintaan Data", 9), ("Surat Masuk", 8), ("Pajak Daerah", 8), ("Lainnya", 7), ("Hibah", 6), ("Insentif Fiskal", 5)],
            [DjpkChannels.HaiKemenkeu] = [("Permintaan Data", 20), ("Surat Masuk", 15), ("DBH", 11), ("Lainnya", 10)],
            [DjpkChannels.LiveChat] = [("Surat Masuk", 8), ("Permintaan Data", 6), ("Reservasi", 4), ("Lainnya", 2)],
            [DjpkChannels.Email] = [("Penyampaian surat dan konfirmasi tindak lanjutnya", 80), ("Konsultasi", 46)],
        };

        // Users of 2023: exactly the report's distinct users per segment; each is used at least once, the rest repeat.
        (UserSegment Segment, int Users)[] segments =
        [
            .. root.GetProperty("usersBySegment").GetProperty("counts").EnumerateArray()
                .Select(s => (new UserSegment(s.GetProperty("segment").GetString()!), s.GetProperty("users").GetInt32())),
        ];
        var users = new List<(UserKey Key, UserSegment Segment)>();
        foreach ((UserSegment segment, int n) in segments)
        {
            for (int i = 0; i < n; i++)
            {
                users.Add((new UserKey(1_000_000 + users.Count), segment));
            }
        }

        var records = new List<(Instant Time, Channel Channel, Topic Topic)>();
        foreach (((Channel channel, ReportingPeriod month), int count) in counts.OrderBy(c => c.Key.Item2).ThenBy(c => c.Key.Item1))
        {
            List<Topic> topics = month == Month && fixedTopics.TryGetValue(channel, out var named)
                ? [.. named.SelectMany(t => Enumerable.Repeat(new Topic(t.Topic), t.Count))]
                : [.. Enumerable.Range(0, count).Select(_ => new Topic(OtherTopics[Zipf(random, OtherTopics.Length)]))];
            if (topics.Count != count)
            {
                throw new InvalidOperationException($"The topics of {channel} in {month} must add up to its {count} consultations.");
            }

            foreach (Topic topic in topics)
            {
                records.Add((RandomInstant(random, month), channel, topic));
            }
        }

        // Assign users: 2023 records get every user once, then repeats; December 2022 draws from the same population.
        int[] order = [.. Enumerable.Range(0, records.Count)];
        random.Shuffle(order);
        var assigned = new (UserKey, UserSegment)[records.Count];
        int nextUnused = 0;
        foreach (int index in order)
        {
            bool isIn2023 = records[index].Time >= ReportingCalendar.Jakarta.StartOf(year.First);
            assigned[index] = isIn2023 && nextUnused < users.Count ? users[nextUnused++] : users[random.Next(users.Count)];
        }

        if (nextUnused != users.Count)
        {
            throw new InvalidOperationException("Every user of 2023 must appear in a 2023 consultation.");
        }

        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        foreach (int i in Enumerable.Range(0, records.Count).OrderBy(i => records[i].Time))
        {
            builder.Add(new Consultation(records[i].Time, records[i].Channel, assigned[i].Item2, records[i].Topic, assigned[i].Item1));
        }

        return builder.Build();
    }

    private static IEnumerable<SocialSnapshot> Social(JsonElement root)
    {
        JsonElement social = root.GetProperty("social");
        JsonElement instagram = social.GetProperty("instagram");
        JsonElement ig = instagram.GetProperty("snapshot");
        yield return new SocialSnapshot(
            DjpkChannels.Instagram,
            instagram.GetProperty("account").GetString()!,
            LocalDateOf(ig.GetProperty("date")),
            followers: ig.GetProperty("followers").GetInt64(),
            reach: AverageReach.FromTotal(ig.GetProperty("reachTotal").GetInt64(), ig.GetProperty("posts").GetInt64()),
            posts: ig.GetProperty("posts").GetInt64(),
            villageGovernmentFollowers: ig.GetProperty("villageGovernmentFollowers").GetInt64(),
            newVillageGovernmentFollowers: ig.GetProperty("newVillageGovernmentFollowers").GetInt64());

        foreach ((string name, Channel platform) in new[] { ("twitter", DjpkChannels.Twitter), ("facebook", DjpkChannels.Facebook) })
        {
            JsonElement account = social.GetProperty(name);
            JsonElement snapshot = account.GetProperty("snapshot");
            long[] monthEnds = [.. account.GetProperty("followersMonthEnd2023").EnumerateArray().Select(v => v.GetInt64())];
            string handle = DjpkProfile.Catalog.Describe(platform).IndonesianName;
            for (int m = 1; m <= 11; m++)
            {
                yield return new SocialSnapshot(platform, handle, ReportingPeriod.Month(2023, m).End, followers: monthEnds[m - 1]);
            }

            long? contents = snapshot.TryGetProperty("contents", out JsonElement c) ? c.GetInt64() : null;
            yield return new SocialSnapshot(
                platform,
                handle,
                LocalDateOf(snapshot.GetProperty("date")),
                followers: snapshot.GetProperty("followers").GetInt64(),
                reach: snapshot.TryGetProperty("reachAverage", out JsonElement average) ? AverageReach.FromStatedAverage(average.GetInt64(), contents!.Value) : null,
                contents: contents,
                profileVisits: snapshot.TryGetProperty("profileVisits", out JsonElement visits) ? visits.GetInt64() : null);
        }
    }

    private static WebsiteTraffic Website(JsonElement root)
    {
        JsonElement website = root.GetProperty("website");
        WebsiteTraffic traffic = WebsiteTraffic.Empty;
        foreach (JsonElement visits in website.GetProperty("visits").EnumerateArray())
        {
            traffic = traffic.WithVisits(ReportingPeriod.Parse(visits.GetProperty("period").GetString()!), visits.GetProperty("count").GetInt64());
        }

        long lastYear = traffic.Visits(Month.SameLastYear())!.Value;
        JsonElement pages = website.GetProperty("mostVisitedPages");
        return traffic
            .WithVisits(Month, lastYear * 79 / 100) // synthetic: the report says only "turun sekitar 21%"
            .WithTopPages(ReportingPeriod.Parse(pages.GetProperty("period").GetString()!), pages.GetProperty("ranked").EnumerateArray().Select(p => new PageVisits(p.GetString()!)));
    }

    private static List<InformationRequest> Requests(JsonElement root, Random random)
    {
        JsonElement ppid = root.GetProperty("ppid");
        int total = ppid.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("period").GetString() == "2023").GetProperty("count").GetInt32();
        string mainPurpose = ppid.GetProperty("mainPurpose").GetString()!;
        string[] data = [.. ppid.GetProperty("dataRequested").EnumerateArray().Select(d => d.GetString()!)];
        string[] purposes = [mainPurpose, mainPurpose, mainPurpose, "tugas akhir", "perencanaan daerah", "pemberitaan"];
        WorkingDayCalendar calendar = DjpkProfile.WorkingDays;
        var requests = new List<InformationRequest>();
        for (int i = 0; i < total; i++)
        {
            LocalDate received = new LocalDate(2023, 1, 2).PlusDays(random.Next(363));
            while (!calendar.IsWorkingDay(received))
            {
                received = received.PlusDays(1);
            }

            bool extended = random.Next(10) == 0;
            LocalDate decided = calendar.AddWorkingDays(received, 1 + random.Next(extended ? 16 : 11));
            int roll = random.Next(20);
            RequestOutcome outcome = roll < 15 ? RequestOutcome.GrantedInFull : roll < 18 ? RequestOutcome.GrantedInPart : RequestOutcome.Rejected;
            bool pending = received > new LocalDate(2023, 12, 20) && random.Next(2) == 0;
            requests.Add(new InformationRequest(
                $"PPID-2023-{i + 1:D3}",
                received,
                purposes[random.Next(purposes.Length)],
                [data[random.Next(data.Length)]],
                pending ? RequestOutcome.Pending : outcome,
                pending ? null : decided,
                !pending && outcome == RequestOutcome.Rejected ? "Informasi yang dimohon belum dikuasai atau didokumentasikan" : null,
                extended));
        }

        return requests;
    }

    private static List<Complaint> Complaints(Random random)
    {
        var complaints = new List<Complaint>();
        ComplaintCategory[] categories = [DjpkComplaintCategories.Pengaduan, DjpkComplaintCategories.KeluhanLayanan, DjpkComplaintCategories.KeluhanKebijakan];
        for (int i = 0; i < 31; i++)
        {
            LocalDate received = new LocalDate(2023, 1, 1).PlusDays(random.Next(365));
            LocalDate? resolved = received.Month == 12 && random.Next(3) == 0 ? null : received.PlusDays(random.Next(1, 21));
            complaints.Add(new Complaint($"ADU-2023-{i + 1:D3}", categories[random.Next(categories.Length)], received, resolved));
        }

        return complaints;
    }

    // Splits total over the cells in proportion to their weights, exactly (largest remainder).
    private static void Allocate(int total, List<((Channel, ReportingPeriod) Key, double Weight)> cells, Dictionary<(Channel, ReportingPeriod), int> counts)
    {
        double sum = cells.Sum(c => c.Weight);
        var shares = cells.Select(c => (c.Key, Exact: total * c.Weight / sum)).ToList();
        var floors = shares.ToDictionary(s => s.Key, s => (int)Math.Floor(s.Exact));
        int missing = total - floors.Values.Sum();
        foreach (var share in shares.OrderByDescending(s => s.Exact - Math.Floor(s.Exact)).Take(missing))
        {
            floors[share.Key]++;
        }

        foreach (var (key, value) in floors)
        {
            counts[key] = value;
        }
    }

    private static int Zipf(Random random, int n)
    {
        double total = Enumerable.Range(1, n).Sum(k => 1.0 / k);
        double roll = random.NextDouble() * total;
        for (int k = 1; k <= n; k++)
        {
            roll -= 1.0 / k;
            if (roll < 0)
            {
                return k - 1;
            }
        }

        return n - 1;
    }

    // A moment during office-ish hours (07:00–21:00 WIB) on a random day of the month.
    private static Instant RandomInstant(Random random, ReportingPeriod month)
    {
        LocalDate day = month.Start.PlusDays(random.Next(month.ToDateInterval().Length));
        LocalDateTime local = day.At(new LocalTime(7, 0)).PlusSeconds(random.Next(14 * 3600));
        return local.InZoneStrictly(ReportingCalendar.Jakarta.Zone).ToInstant();
    }

    private static LocalDate LocalDateOf(JsonElement date) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(date.GetString()!).Value;
}
