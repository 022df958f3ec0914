#!/usr/bin/env bash
# Compiles every ```csharp block of README.md and docs/*.md as a fresh console app's Program.cs (Roslyn, in process,
# against the built library), runs it and checks the output the doc states (tests/Djpk.Metrics.Tests/Docs/DocSnippetTests.cs).
# Expects a build of the solution; exits with dotnet test's code.
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/Djpk.Metrics.Tests --no-build --filter "FullyQualifiedName~Djpk.Metrics.Tests.Docs.DocSnippetTests" --nologo
