using FsCheck.Xunit;

// Each property runs its own MaxTest where set; this is the default for the rest.
[assembly: Properties(MaxTest = 200)]
