using System.Collections.Immutable;
using Djpk.Metrics.Formatting;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Social;
using Djpk.Metrics.Web;

namespace Djpk.Metrics.Reporting;

/// <summary>The data a monthly report is built from: the consultation log, social snapshots, website traffic, PPID requests and complaints.</summary>
/// <remarks>
/// Immutable: each <c>With…</c> method returns a new value. An input left out gives a report section that says the data
/// is missing — never a section of zeros.
/// </remarks>
public sealed class ReportInputs
{
    private ReportInputs(
        InteractionLog? consultations, ImmutableArray<SocialSnapshot> social, WebsiteTraffic? website,
        ImmutableArray<InformationRequest>? requests, ImmutableArray<Complaint>? complaints, ImmutableArray<ReportNote> notes)
    {
        Consultations = consultations;
        Social = social;
        Website = website;
        InformationRequests = requests;
        Complaints = complaints;
        Notes = notes;
    }

    /// <summary>Gets inputs with no data at all.</summary>
    public static ReportInputs Empty { get; } = new(null, [], null, null, null, []);

    /// <summary>Gets the consultation log, or <see langword="null"/> when not supplied.</summary>
    public InteractionLog? Consultations { get; }

    /// <summary>Gets the social-media snapshots (month ends of every account).</summary>
    public ImmutableArray<SocialSnapshot> Social { get; }

    /// <summary>Gets the website traffic, or <see langword="null"/> when not supplied.</summary>
    public WebsiteTraffic? Website { get; }

    /// <summary>Gets the PPID requests, or <see langword="null"/> when not supplied.</summary>
    public ImmutableArray<InformationRequest>? InformationRequests { get; }

    /// <summary>Gets the complaints, or <see langword="null"/> when not supplied.</summary>
    public ImmutableArray<Complaint>? Complaints { get; }

    /// <summary>Gets the notes to print at the end of the report.</summary>
    public ImmutableArray<ReportNote> Notes { get; }

    /// <summary>Returns a copy with the consultation log.</summary>
    /// <param name="log">The log.</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    public ReportInputs WithConsultations(InteractionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new(log, Social, Website, InformationRequests, Complaints, Notes);
    }

    /// <summary>Returns a copy with <paramref name="snapshots"/> added to the social snapshots.</summary>
    /// <param name="snapshots">Snapshots of any accounts.</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    public ReportInputs WithSocial(IEnumerable<SocialSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return new(Consultations, Social.AddRange(snapshots), Website, InformationRequests, Complaints, Notes);
    }

    /// <summary>Returns a copy with the website traffic.</summary>
    /// <param name="website">The traffic.</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="website"/> is <see langword="null"/>.</exception>
    public ReportInputs WithWebsite(WebsiteTraffic website)
    {
        ArgumentNullException.ThrowIfNull(website);
        return new(Consultations, Social, website, InformationRequests, Complaints, Notes);
    }

    /// <summary>Returns a copy with the PPID requests.</summary>
    /// <param name="requests">All requests known.</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is <see langword="null"/>.</exception>
    public ReportInputs WithInformationRequests(IEnumerable<InformationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return new(Consultations, Social, Website, [.. requests], Complaints, Notes);
    }

    /// <summary>Returns a copy with the complaints.</summary>
    /// <param name="complaints">All complaints known.</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaints"/> is <see langword="null"/>.</exception>
    public ReportInputs WithComplaints(IEnumerable<Complaint> complaints)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        return new(Consultations, Social, Website, InformationRequests, [.. complaints], Notes);
    }

    /// <summary>Returns a copy with a note added, such as which figures are synthetic.</summary>
    /// <param name="note">The note.</param>
    /// <returns>The new inputs.</returns>
    public ReportInputs WithNote(ReportNote note) => new(Consultations, Social, Website, InformationRequests, Complaints, Notes.Add(note));

    /// <summary>Returns a copy with a note on the rows the ingest rejected, such as "6 baris ditolak saat memuat data (InvalidTimestamp 2, UnknownChannel 1, …)."; unchanged when none was.</summary>
    /// <param name="report">The report of the read that gave the log.</param>
    /// <param name="wording">The wording of the note's template <c>ingest.rejected</c> (placeholders <c>{rejected}</c> and <c>{reasons}</c>); <see cref="ReportWording.Default"/> when <see langword="null"/>.</param>
    /// <returns>The new inputs.</returns>
    /// <remarks>The reasons are counted as <see cref="IngestReport.ToString"/> counts them: under each rejected row's first problem, in the order of <see cref="RejectionReason"/>, by their invariant names. Counts are formatted for each language (5.008 and 5,008).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public ReportInputs WithIngestReport(IngestReport report, ReportWording? wording = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Rejected == 0)
        {
            return this;
        }

        wording ??= ReportWording.Default;
        return WithNote(new ReportNote(IngestNote(report, wording, ReportLanguage.Indonesian), IngestNote(report, wording, ReportLanguage.English)));
    }

    private static string IngestNote(IngestReport report, ReportWording wording, ReportLanguage language)
    {
        ReportFormatter formatter = ReportFormatter.For(language);
        string reasons = string.Join(
            ", ", Enum.GetValues<RejectionReason>().Where(r => report.RejectedFor(r) > 0).Select(r => r + " " + formatter.FormatCount(report.RejectedFor(r))));
        return wording.Format(language, "ingest.rejected", [("rejected", formatter.FormatCount(report.Rejected)), ("reasons", reasons)]);
    }
}
