using ErpSaaS.Common;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Common;

public sealed class OrderedIdsTests
{
    private static string BigEndianHex(Guid id)
    {
        var bytes = new byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return Convert.ToHexString(bytes);
    }

    [Fact]
    public void Ids_made_one_after_another_increase_even_within_one_millisecond_and_stay_version_7()
    {
        // Far more ids than milliseconds pass: many share their millisecond.
        var ids = Enumerable.Range(0, 20_000).Select(_ => OrderedIds.Next()).ToList();

        for (var i = 1; i < ids.Count; i++)
        {
            ids[i].CompareTo(ids[i - 1]).ShouldBePositive();
            string.CompareOrdinal(BigEndianHex(ids[i]), BigEndianHex(ids[i - 1])).ShouldBePositive();
        }
        ids.ShouldAllBe(id => id.Version == 7 && (id.Variant & 0xC) == 0x8);
        ids.Select(BigEndianHex).Select(h => h[..12]).Distinct().Count().ShouldBeLessThan(ids.Count);
    }
}
