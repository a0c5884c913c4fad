using CampaignBot.Core.Features.Inspections;

namespace CampaignBot.Core.Tests.Inspections;

/// <summary>The draw is the documented seeded shuffle: the same seed and candidates give the same units, anywhere.</summary>
public sealed class InspectionDrawTests
{
    private static readonly string[] Ten = ["u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10"];

    [Fact]
    public void The_draw_matches_the_algorithm_as_documented_for_a_known_seed()
    {
        // Computed apart from this code, by following docs/inspections.md step by step (SHA-256 blocks of "seed:k",
        // big-endian 64-bit numbers, Fisher–Yates from the end with rejection of the incomplete last stretch).
        Assert.Equal(["u10", "u07", "u03", "u01", "u08"], InspectionDraw.Draw(Ten, "00112233445566778899aabbccddeeff", 5));
        Assert.Equal(["u06", "u10", "u04", "u07", "u09"], InspectionDraw.Draw(Ten, "seed-two", 5));
    }

    [Fact]
    public void The_order_the_candidates_are_given_in_does_not_change_the_draw()
    {
        var shuffled = Ten.Reverse().Concat(["u03"]).ToArray();

        Assert.Equal(InspectionDraw.Draw(Ten, "abc", 5), InspectionDraw.Draw(shuffled, "abc", 5));
    }

    [Fact]
    public void Every_candidate_is_about_equally_likely_to_be_drawn_first()
    {
        var firsts = Enumerable.Range(0, 3000).Select(i => InspectionDraw.Draw(Ten[..5], "s" + i, 5)[0]).GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(5, firsts.Count);
        Assert.All(firsts.Values, n => Assert.InRange(n, 480, 720));
    }

    [Fact]
    public void A_fresh_seed_is_32_hex_characters_and_never_repeats()
    {
        var seeds = Enumerable.Range(0, 50).Select(_ => InspectionDraw.NewSeed()).ToList();

        Assert.All(seeds, s => Assert.Matches("^[0-9a-f]{32}$", s));
        Assert.Equal(50, seeds.Distinct().Count());
    }

    [Fact]
    public void A_recorded_draw_whose_units_were_changed_fails_verification()
    {
        var units = InspectionDraw.Draw(Ten, "seed-x", 5);
        var inspection = new Inspection
        {
            Id = "IABCDEF", Count = 5, Seed = "seed-x", Candidates = Ten, Units = units,
            DrawnBy = "o", DrawnByName = "o", DrawnAt = DateTimeOffset.UnixEpoch,
        };

        Assert.True(InspectionDraw.Verify(inspection));
        Assert.False(InspectionDraw.Verify(inspection with { Units = [.. units.Reverse()] }));
        Assert.False(InspectionDraw.Verify(inspection with { Seed = "seed-y" }));
    }
}
