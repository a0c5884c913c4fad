using CampaignBot.Core.Conversations;

namespace CampaignBot.Core.Tests;

public sealed class ButtonPayloadTests
{
    [Fact]
    public void A_payload_round_trips_through_its_text()
    {
        var payload = new ButtonPayload("reg", "a1b2c3", "rank2");

        Assert.Equal(payload, ButtonPayload.Parse(payload.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("reg:abc")]
    [InlineData("reg::rank0")]
    [InlineData(":abc:rank0")]
    [InlineData("reg:abc:")]
    [InlineData("reg:abc:rank 0")]
    [InlineData("reg:abc:{\"$ne\":null}")]
    [InlineData("reg:abc:满意")]
    [InlineData("averyveryverylongflowname:abc:x")]
    public void Malformed_or_foreign_payloads_are_not_parsed(string? raw) => Assert.Null(ButtonPayload.Parse(raw));

    [Fact]
    public void A_payload_longer_than_telegrams_64_bytes_is_not_parsed() =>
        Assert.Null(ButtonPayload.Parse("reg:abc:" + new string('x', 60)));

    [Fact]
    public void The_prompt_token_is_the_same_for_a_rerun_of_the_same_update_and_differs_otherwise()
    {
        Assert.Equal(ButtonPayload.TokenFor("u1", 3), ButtonPayload.TokenFor("u1", 3));
        Assert.NotEqual(ButtonPayload.TokenFor("u1", 3), ButtonPayload.TokenFor("u2", 3));
        Assert.NotEqual(ButtonPayload.TokenFor("u1", 3), ButtonPayload.TokenFor("u1", 4));
        Assert.Equal(6, ButtonPayload.TokenFor("u1", 3).Length);
    }
}
