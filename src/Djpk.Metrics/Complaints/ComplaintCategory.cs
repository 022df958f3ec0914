namespace Djpk.Metrics.Complaints;

/// <summary>The categories of complaints in DJPK's report.</summary>
/// <remarks>The default value is <see cref="Pengaduan"/>.</remarks>
public enum ComplaintCategory
{
    /// <summary>A report of wrongdoing or a grievance (pengaduan).</summary>
    Pengaduan = 0,

    /// <summary>A complaint about the service (keluhan layanan).</summary>
    KeluhanLayanan = 1,

    /// <summary>A complaint about a policy (keluhan kebijakan).</summary>
    KeluhanKebijakan = 2,
}
