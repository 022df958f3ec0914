using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.Formatting;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Json;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Serialization;

/// <summary>Gets System.Text.Json options that write the core package's values and results as documented JSON, and adds the same converters to a caller's options.</summary>
/// <remarks>
/// <para>Immutable. What the converters write: a <see cref="ReportingPeriod"/> as its text ("2023-12", "2023-W52",
/// "2023-Q4"); a <see cref="Channel"/>, <see cref="UserSegment"/> or <see cref="Topic"/> as its id or name; an
/// <see cref="Instant"/> as ISO-8601 in UTC; the library's enums as camelCase strings ("halfAwayFromZero"); a
/// <see cref="PercentChange"/>, <see cref="ShareDistribution"/> or <see cref="IngestReport"/> as the object its
/// converter documents; a <see cref="CountCube"/> or <see cref="DistinctUserCube"/> as its cells (written, not read).
/// Everything but the cubes reads back equal. The output does not depend on the machine's culture.</para>
/// <para>The monthly report and the verification report are in the <c>Djpk.Metrics.Reporting</c> package:
/// use <c>ReportingJson</c> there, which includes everything here.</para>
/// </remarks>
public static class DjpkJson
{
    private static readonly Lazy<JsonSerializerOptions> LazyOptions = new(() => CreateOptions(Register(new ConverterTypeInfoResolver())));

    /// <summary>Gets read-only options for serializing the library's values and results themselves, such as <c>JsonSerializer.Serialize(period, DjpkJson.Options)</c>.</summary>
    /// <remarks>Web defaults (camelCase), text escaped only where JSON requires. The options know only the library's types;
    /// to serialize your own types that contain them, call <see cref="AddConverters"/> on your options instead.</remarks>
    public static JsonSerializerOptions Options => LazyOptions.Value;

    /// <summary>Adds the converters of the core package's types to <paramref name="options"/>, for example ASP.NET Core's <c>JsonOptions.SerializerOptions</c>.</summary>
    /// <param name="options">The caller's options, not yet used (still mutable).</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> is read-only because it has been used; add the converters before the first use.</exception>
    /// <remarks>Converters the options already hold come first and win for their types.</remarks>
    public static JsonSerializerOptions AddConverters(JsonSerializerOptions options) =>
        AddTo(options, Register(new ConverterTypeInfoResolver()));

    /// <summary>Adds the converters of <paramref name="set"/> to <paramref name="options"/>, which must still be mutable.</summary>
    internal static JsonSerializerOptions AddTo(JsonSerializerOptions options, ConverterTypeInfoResolver set)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsReadOnly)
        {
            throw new InvalidOperationException("The converters must be added before the options are first used; add them to a new or unused JsonSerializerOptions.");
        }

        foreach (JsonConverter converter in set.Converters)
        {
            options.Converters.Add(converter);
        }

        return options;
    }

    /// <summary>Creates read-only web-default options that hold the converters of <paramref name="set"/> and resolve their types.</summary>
    internal static JsonSerializerOptions CreateOptions(ConverterTypeInfoResolver set)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = set,
        };
        AddTo(options, set);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Adds the converter of every core type to <paramref name="set"/>.</summary>
    internal static ConverterTypeInfoResolver Register(ConverterTypeInfoResolver set) => set
        .Add(new ReportingPeriodJsonConverter()).Add(new ChannelJsonConverter()).Add(new UserSegmentJsonConverter()).Add(new ComplaintCategoryJsonConverter())
        .Add(new TopicJsonConverter()).Add(new InstantJsonConverter()).Add(new PercentChangeJsonConverter())
        .Add(new ShareDistributionJsonConverter()).Add(new IngestReportJsonConverter()).Add(new CountCubeJsonConverter())
        .Add(new DistinctUserCubeJsonConverter())
        .AddEnum<AggregationDimensions>().AddEnum<ChangeDirection>().AddEnum<ChannelKind>()
        .AddEnum<HolidayKind>().AddEnum<IngestPolicy>().AddEnum<MetricKind>().AddEnum<PeriodGrain>().AddEnum<RejectionReason>()
        .AddEnum<ReportLanguage>().AddEnum<RequestOutcome>().AddEnum<RoundingConvention>().AddEnum<RoundingRule>()
        .AddEnum<ShareAllocationMethod>();
}
