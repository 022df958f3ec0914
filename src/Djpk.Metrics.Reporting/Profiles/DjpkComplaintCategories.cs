using Djpk.Metrics.Complaints;

namespace Djpk.Metrics.Profiles;

/// <summary>The complaint categories of DJPK's monthly report, by their stable ids; <see cref="DjpkProfile.Settings"/> lists and names them.</summary>
public static class DjpkComplaintCategories
{
    /// <summary>Gets the category of reports of wrongdoing or grievances ("pengaduan").</summary>
    public static ComplaintCategory Pengaduan { get; } = new("pengaduan");

    /// <summary>Gets the category of complaints about the service ("keluhan-layanan").</summary>
    public static ComplaintCategory KeluhanLayanan { get; } = new("keluhan-layanan");

    /// <summary>Gets the category of complaints about a policy ("keluhan-kebijakan").</summary>
    public static ComplaintCategory KeluhanKebijakan { get; } = new("keluhan-kebijakan");
}
