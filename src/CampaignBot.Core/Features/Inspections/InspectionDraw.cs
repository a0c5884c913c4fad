using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>
/// The draw of a random inspection, reproducible from its seed by anyone (docs/inspections.md):
/// <list type="number">
/// <item>the candidates are sorted by unit id, ordinally (byte order of their UTF-16 code units);</item>
/// <item>a stream of 64-bit numbers is made from the seed: block k (k = 0, 1, …) is SHA-256 of the UTF-8 text
/// "&lt;seed&gt;:&lt;k&gt;" (k in decimal), read as four unsigned 64-bit big-endian numbers in order;</item>
/// <item>a Fisher–Yates shuffle runs from the last position i = n−1 down to 1, swapping position i with position
/// j = v mod (i+1), where v is the next number of the stream, numbers v ≥ 2^64 − (2^64 mod (i+1)) being skipped so that
/// every j is equally likely;</item>
/// <item>the first <c>count</c> units of the shuffled list are drawn, in that order.</item>
/// </list>
/// </summary>
public static class InspectionDraw
{
    /// <summary>每次随机调研不少于5个单位.</summary>
    public const int MinimumUnits = 5;

    /// <summary>The drawn units: the first <paramref name="count"/> of the candidates shuffled by the seed.</summary>
    public static IReadOnlyList<string> Draw(IEnumerable<string> candidates, string seed, int count)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentException.ThrowIfNullOrEmpty(seed);
        var order = candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, order.Length);
        var stream = new SeedStream(seed);
        for (var i = order.Length - 1; i >= 1; i--)
        {
            var j = (int)stream.Below((ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order[..count];
    }

    /// <summary>A fresh seed from a cryptographic source: nobody who draws can choose it.</summary>
    public static string NewSeed() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>Whether the recorded units are what the recorded seed and candidates give.</summary>
    public static bool Verify(Inspection inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return inspection.Count <= inspection.Candidates.Count
            && Draw(inspection.Candidates, inspection.Seed, inspection.Count).SequenceEqual(inspection.Units, StringComparer.Ordinal);
    }

    /// <summary>
    /// The candidates: units of the kinds (every kind when empty) whose campaign has begun by <paramref name="today"/> and not
    /// ended, leaving out <paramref name="recentlyDrawn"/>; sorted by id. The units of the kinds left out are returned apart.
    /// </summary>
    public static (IReadOnlyList<string> Candidates, IReadOnlyList<string> Excluded) Candidates(
        CampaignDefinition campaign, IReadOnlyCollection<string> kinds, DateOnly today, IReadOnlySet<string> recentlyDrawn)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(recentlyDrawn);
        var active = campaign.Units
            .Where(u => (kinds.Count == 0 || kinds.Contains(u.Kind)) && u.Start <= today && today <= campaign.End)
            .Select(u => u.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        return ([.. active.Where(u => !recentlyDrawn.Contains(u))], [.. active.Where(recentlyDrawn.Contains)]);
    }

    /// <summary>The seed's number stream: SHA-256 blocks of "seed:k", four big-endian 64-bit numbers each.</summary>
    private sealed class SeedStream(string seed)
    {
        private readonly Queue<ulong> _numbers = new();
        private long _block;

        public ulong Next()
        {
            if (_numbers.Count == 0)
            {
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + ":" + _block.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                _block++;
                for (var i = 0; i < 4; i++)
                {
                    _numbers.Enqueue(BinaryPrimitives.ReadUInt64BigEndian(hash.AsSpan(i * 8, 8)));
                }
            }

            return _numbers.Dequeue();
        }

        /// <summary>Uniform in [0, bound): numbers in the incomplete last stretch of 2^64 are skipped.</summary>
        public ulong Below(ulong bound)
        {
            var remainder = ((ulong.MaxValue % bound) + 1) % bound;
            while (true)
            {
                var value = Next();
                if (value <= ulong.MaxValue - remainder)
                {
                    return value % bound;
                }
            }
        }
    }
}
