using System.Text.Json;
using Djpk.Metrics.Json;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Serialization;
using Djpk.Metrics.Statistics;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Reporting.Serialization;

/// <summary>Gets System.Text.Json options that write every result of the library, the monthly report and the verification report included, and adds the same converters to a caller's options.</summary>
/// <remarks>Immutable. Everything <see cref="DjpkJson"/> converts, plus <see cref="MonthlyReport"/>
/// (<see cref="MonthlyReportJsonConverter"/>), <see cref="VerificationReport"/> (<see cref="VerificationReportJsonConverter"/>),
/// both written and not read, and the enums of the statistics and verification namespaces as camelCase strings.</remarks>
public static class ReportingJson
{
    private static readonly Lazy<JsonSerializerOptions> LazyOptions = new(() => DjpkJson.CreateOptions(Register(DjpkJson.Register(new ConverterTypeInfoResolver()))));

    /// <summary>Gets read-only options for serializing the library's values and results themselves, such as <c>JsonSerializer.Serialize(report, ReportingJson.Options)</c>.</summary>
    /// <remarks>Web defaults (camelCase), text escaped only where JSON requires. The options know only the library's types;
    /// to serialize your own types that contain them, call <see cref="AddConverters"/> on your options instead.</remarks>
    public static JsonSerializerOptions Options => LazyOptions.Value;

    /// <summary>Adds the converters of every library type to <paramref name="options"/>, for example ASP.NET Core's <c>JsonOptions.SerializerOptions</c>.</summary>
    /// <param name="options">The caller's options, not yet used (still mutable).</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> is read-only because it has been used; add the converters before the first use.</exception>
    /// <remarks>Converters the options already hold come first and win for their types.</remarks>
    public static JsonSerializerOptions AddConverters(JsonSerializerOptions options) =>
        DjpkJson.AddTo(options, Register(DjpkJson.Register(new ConverterTypeInfoResolver())));

    private static ConverterTypeInfoResolver Register(ConverterTypeInfoResolver set) => set
        .Add(new MonthlyReportJsonConverter()).Add(new VerificationReportJsonConverter())
        .AddEnum<ClaimGroup>().AddEnum<ClaimKind>().AddEnum<FailureCause>().AddEnum<ReconciliationKind>().AddEnum<Verdict>()
        .AddEnum<ForecastModel>().AddEnum<InsufficientDataReason>();
}
