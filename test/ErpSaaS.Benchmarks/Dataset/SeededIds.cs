namespace ErpSaaS.Benchmarks.Dataset;

/// <summary>
/// UUID v7 (the ids the application creates, ordered by time) whose random part comes from the generator's seeded
/// <see cref="Random"/>, so the same seed gives the same ids, not only the same figures.
/// </summary>
public static class SeededIds
{
    public static Guid NewV7(Random random, DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
