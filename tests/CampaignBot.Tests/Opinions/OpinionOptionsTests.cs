using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Opinions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Tests.Opinions;

public sealed class OpinionOptionsTests
{
    [Fact]
    public void The_opinion_key_falls_back_to_the_ballot_secret_and_an_own_secret_replaces_it()
    {
        var ballot = Options.Create(new EvaluationOptions { BallotSecret = "ballot-secret-0123456789" });
        var fallback = new OpinionGiverHasher(Options.Create(new OpinionOptions { Secret = "" }), ballot);
        var own = new OpinionGiverHasher(Options.Create(new OpinionOptions { Secret = "opinion-secret-0123456789" }), ballot);
        var none = new OpinionGiverHasher(Options.Create(new OpinionOptions()), Options.Create(new EvaluationOptions()));

        Assert.True(fallback.IsConfigured);
        Assert.Equal(new BallotHasher(ballot).Hash("c1", "telegram:1"), fallback.Hash("c1", "telegram:1"));
        Assert.NotEqual(fallback.Hash("c1", "telegram:1"), own.Hash("c1", "telegram:1"));
        Assert.NotEqual(own.Hash("c1", "telegram:1"), own.Hash("c2", "telegram:1"));
        Assert.False(none.IsConfigured);
        Assert.Throws<InvalidOperationException>(() => none.Hash("c1", "telegram:1"));
    }

    [Fact]
    public void A_short_secret_or_impossible_limits_stop_start_up_with_a_sentence_naming_the_setting()
    {
        var result = new OpinionOptionsValidator().Validate(null, new OpinionOptions { Secret = "short", MaxPerGiver = 0, MinLength = 50, MaxLength = 20 });

        Assert.True(result.Failed);
        Assert.Contains("Opinions:Secret", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Opinions:MaxPerGiver", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Opinions:MinLength", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new OpinionOptionsValidator().Validate(null, new OpinionOptions { Secret = "" }).Succeeded);
    }

    [Fact]
    public void A_malformed_cron_stops_start_up_with_a_sentence_naming_the_setting()
    {
        var result = new BulletinOptionsValidator().Validate(null, new BulletinOptions { DispatchCron = "every 25th" });

        Assert.True(result.Failed);
        Assert.Contains("Bulletins:DispatchCron", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new BulletinOptionsValidator().Validate(null, new BulletinOptions()).Succeeded);
    }
}
