namespace Djpk.Metrics.Tests.Support;

/// <summary>A file path in the temporary folder, deleted on disposal.</summary>
public sealed class TempFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"djpk-test-{Environment.ProcessId}-{Guid.NewGuid():N}.djpklog");

    public void Dispose() => File.Delete(Path);
}

/// <summary>A new temporary folder, deleted with its contents on disposal.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("djpk-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
