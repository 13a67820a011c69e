using Xunit.Sdk;
using Xunit.v3;

// Every test opens its own browser context, so tests need not wait for the rest of their class: running them all in
// parallel (one per core) keeps the slowest class from setting the pace of the whole run.
[assembly: Parallelization(Mode = ParallelMode.All)]
