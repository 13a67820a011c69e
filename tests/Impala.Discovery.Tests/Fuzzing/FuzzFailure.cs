namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>A mutant that broke the invariant, how, and where its text was saved for a regression test.</summary>
public sealed record FuzzFailure(Mutant Mutant, IReadOnlyList<FuzzProblem> Problems, string SavedAs);
