using Xunit;

// Each journey starts its own app and browser; on a small machine they run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
