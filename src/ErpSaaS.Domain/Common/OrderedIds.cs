namespace ErpSaaS.Common;

/// <summary>
/// UUID v7 ids that keep increasing within one millisecond too (RFC 9562, 6.2 method 3: an id made in the same
/// millisecond as the one before it is that one plus one in its random bits). Rows made by one action, such as the
/// steps a confirmation adds to an order's timeline, then sort in the order they were made, in .NET and in PostgreSQL
/// alike (both compare the big-endian bytes).
/// </summary>
public static class OrderedIds
{
    private static readonly Lock Gate = new();
    private static Guid _last;

    public static Guid Next()
    {
        var candidate = Guid.CreateVersion7();
        lock (Gate)
        {
            if (candidate.CompareTo(_last) <= 0) candidate = After(_last);
            _last = candidate;
            return candidate;
        }
    }

    /// <summary>The id one above <paramref name="id"/> in its 62 random bits, leaving its time, version and variant as they are.</summary>
    private static Guid After(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        for (var index = 15; index >= 8; index--)
        {
            // Byte 8 keeps its two variant bits: only its low six bits count.
            var mask = index == 8 ? 0x3F : 0xFF;
            var value = (bytes[index] & mask) + 1;
            bytes[index] = (byte)((bytes[index] & ~mask) | (value & mask));
            if (value <= mask) break;
        }
        return new Guid(bytes, bigEndian: true);
    }
}
