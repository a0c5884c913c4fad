using CampaignBot.Storage.Tests.Contract;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Messaging;
using CampaignBot.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CampaignBot.Storage.Tests.Mongo;

/// <summary>
/// Rounds a database holds from before the open-stage index (no stage field), including two open rounds of one stage
/// that the old check let in: opening the stores gives each its stage and keeps them all.
/// </summary>
[Collection(MongoEngineCollection.Name)]
public sealed class MongoRoundStageTests(MongoEngineFixture mongo)
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly RoundResult Failed = new(new Dictionary<string, long> { ["unsatisfied"] = 5 }, 5, 0, false, T0.AddDays(1));

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Rounds_stored_without_a_stage_get_it_and_two_open_rounds_of_one_stage_stay_open_with_the_earliest_holding_it()
    {
        var name = mongo.NewDatabaseName();
        var collection = new MongoClient(mongo.ConnectionString).GetDatabase(name).GetCollection<BsonDocument>("evaluation_rounds");
        await collection.InsertManyAsync(
        [
            OldDocument(ContractData.RosterRound("3000000c", "county_east", "style_status", T0)),
            OldDocument(ContractData.RosterRound("3000000a", "county_east", "style_status", T0.AddMinutes(1))),
            OldDocument(ContractData.RosterRound("3000000b", "county_east", "problems_found", T0) with { Status = RoundStatus.Closed, Result = Failed }),
            OldDocument(ContractData.RosterRound("3000000d", "county_west", "style_status", T0)),
        ]);

        // Two instances start at once on the old data.
        var opened = await Task.WhenAll(MongoStores.OpenAsync(mongo.ConnectionString, name, Ct), MongoStores.OpenAsync(mongo.ConnectionString, name, Ct));
        var rounds = opened[0].EvaluationRounds;

        Assert.Equal("3000000a=null 3000000b=problems_found 3000000c=style_status 3000000d=style_status", await StagesAsync(collection));
        Assert.Equal(
            [("3000000c", RoundStatus.Open), ("3000000d", RoundStatus.Open), ("3000000a", RoundStatus.Open)],
            (await rounds.ListAsync(null, Ct)).Where(r => r.Stage == "style_status").Select(r => (r.Id, r.Status)));
        Assert.Equal(RoundCreation.StageOpen, await rounds.CreateAsync(ContractData.RosterRound("31000001", "county_east", "style_status", T0.AddDays(1)), Ct));
        Assert.Equal(RoundCreation.StageOpen, await opened[1].EvaluationRounds.CreateAsync(ContractData.RosterRound("31000002", "county_west", "style_status", T0.AddDays(1)), Ct));
        Assert.Equal(RoundCreation.Created, await rounds.CreateAsync(ContractData.RosterRound("31000003", "county_east", "problems_found", T0.AddDays(1)), Ct));

        // The later one closes as usual and gets its stage back; once the earliest closes too, the make-up round opens.
        Assert.True(await rounds.TryCloseAsync("3000000a", Failed, Ct));
        Assert.True(await rounds.TryCloseAsync("3000000c", Failed, Ct));
        Assert.Equal(RoundCreation.Created, await rounds.CreateAsync(ContractData.RosterRound("31000004", "county_east", "style_status", T0.AddDays(2)), Ct));

        // Opening again (a restart) changes no stage.
        await MongoStores.OpenAsync(mongo.ConnectionString, name, Ct);
        Assert.Equal(
            "3000000a=style_status 3000000b=problems_found 3000000c=style_status 3000000d=style_status 31000003=problems_found 31000004=style_status",
            await StagesAsync(collection));
    }

    /// <summary>A round as the store wrote it before the stage field.</summary>
    private static BsonDocument OldDocument(EvaluationRound round) => new()
    {
        { "_id", round.Id },
        { "unitId", round.UnitId },
        { "code", BsonNull.Value },
        { "status", round.Status.ToString() },
        { "opensAt", new BsonDateTime(round.OpensAt.UtcDateTime) },
        { "body", MessageJson.Serialize(round) },
    };

    /// <summary>Each round's stage field, "id=stage" by id ("null" for a null stage).</summary>
    private static async Task<string> StagesAsync(IMongoCollection<BsonDocument> collection)
    {
        var docs = await collection.Find(FilterDefinition<BsonDocument>.Empty).Sort(Builders<BsonDocument>.Sort.Ascending("_id")).ToListAsync();
        return string.Join(' ', docs.Select(d => d["_id"].AsString + "=" + (d.GetValue("stage", "missing") is { IsBsonNull: false } stage ? stage.AsString : "null")));
    }
}
