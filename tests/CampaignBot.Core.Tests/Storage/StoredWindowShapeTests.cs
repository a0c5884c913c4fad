using System.Text.Json.Nodes;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Tests.Storage;

/// <summary>
/// Evaluation rounds and opinion collections are stored as JSON bodies (the SQLite body column and the Mongo document's
/// "body"); the bodies a running campaign has written must still read, and a record written again keeps every field name.
/// </summary>
public sealed class StoredWindowShapeTests
{
    private const string StoredRound = """
        {"id":"0a1b2c3d","unitId":"county_east","stage":"rectification","audience":2,"group":null,"privateBallots":false,
         "votesPrivately":true,"code":"ABCD2345","opensAt":"2026-03-01T08:00:00+08:00","closesAt":"2026-03-04T08:00:00+08:00",
         "passRule":{"minimumSatisfiedShare":0.6,"minimumVotes":10},"allowChange":true,"showTally":false,"openedBy":"telegram:1",
         "status":0,"result":null}
        """;

    private const string StoredCollection = """
        {"id":"1a2b3c4d","unitId":"county_east","audience":"group","group":{"channel":"telegram","id":"-1001","kind":1,"title":"东县群","key":"telegram:-1001"},
         "code":null,"opensAt":"2026-03-01T08:00:00+08:00","closesAt":"2026-03-08T08:00:00+08:00","openedBy":"telegram:2"}
        """;

    private static readonly DateTimeOffset Inside = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_round_stored_in_todays_shape_reads_whole_and_writes_back_the_same_fields()
    {
        var round = MessageJson.Deserialize<EvaluationRound>(StoredRound);

        Assert.Equal("0a1b2c3d", round.Id);
        Assert.Equal("county_east", round.UnitId);
        Assert.Equal(RoundAudience.Code, round.Audience);
        Assert.Null(round.Group);
        Assert.Equal("ABCD2345", round.Code);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.FromHours(8)), round.ClosesAt);
        Assert.Equal("telegram:1", round.OpenedBy);
        Assert.Equal(new PassRule(0.6m, 10), round.PassRule);
        Assert.True(round.IsOpenAt(Inside));
        Assert.False((round with { Status = RoundStatus.Closed }).IsOpenAt(Inside));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(StoredRound), JsonNode.Parse(MessageJson.Serialize(round))));
    }

    [Fact]
    public void An_opinion_collection_stored_in_todays_shape_reads_whole_and_writes_back_the_same_fields()
    {
        var collection = MessageJson.Deserialize<OpinionCollection>(StoredCollection);

        Assert.Equal("1a2b3c4d", collection.Id);
        Assert.Equal("group", collection.Audience);
        Assert.Equal(new ChatRef("telegram", "-1001", ChatKind.Group, "东县群"), collection.Group);
        Assert.Null(collection.Code);
        Assert.Equal("telegram:2", collection.OpenedBy);
        Assert.True(collection.IsOpenAt(Inside));
        Assert.False(collection.IsOpenAt(collection.ClosesAt));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(StoredCollection), JsonNode.Parse(MessageJson.Serialize(collection))));
    }
}
