using Djpk.Metrics.Ingest;
using Djpk.Metrics.Profiles;
using Djpk.Metrics.Reporting;
using NodaTime;

namespace Djpk.Metrics.Tool;

/// <summary>The report profile a command uses: DJPK's built-in one, or one read from a profile file (<c>--profile FILE</c>).</summary>
/// <param name="Description">How messages name it: "the DJPK profile" or "the profile 'FILE'".</param>
/// <param name="Report">The report profile: catalog, settings and wording.</param>
/// <param name="IngestOptions">The ingest options of its exports: its catalog and the aliases its exports use.</param>
internal sealed record ToolProfile(string Description, ReportProfile Report, IngestOptions IngestOptions)
{
    /// <summary>Gets DJPK's profile.</summary>
    public static ToolProfile Djpk { get; } = new("the DJPK profile", DjpkProfile.Profile, DjpkProfile.IngestOptions);

    /// <summary>Gets the zone of offset-less timestamps and of the report's months.</summary>
    public DateTimeZone Zone => Report.Settings.Calendar.Zone;

    /// <summary>Returns the profile <paramref name="value"/> names: <c>djpk</c>, or the path of a profile file.</summary>
    /// <exception cref="ToolException">The file does not exist or breaks a rule of the format (a usage error, exit code 2).</exception>
    public static ToolProfile Resolve(string? value)
    {
        if (value is null or "djpk")
        {
            return Djpk;
        }

        if (!File.Exists(value))
        {
            throw ToolException.Usage($"--profile: '{value}' is neither djpk nor an existing profile file (see 'Profile files' in docs/tool.md).");
        }

        try
        {
            ReportProfileFile file = ReportProfileFile.ReadFile(value);
            return new ToolProfile($"the profile '{Path.GetFileName(value)}'", file.Profile, file.IngestOptions);
        }
        catch (FormatException e)
        {
            throw ToolException.Usage($"--profile: {value}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ToolException.Usage($"--profile: cannot read '{value}': {e.Message}");
        }
    }
}
