using CampaignBot.Core.Storage;
using CampaignBot.Storage.Mongo;
using CampaignBot.Storage.Tests.Contract;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CampaignBot.Storage.Tests.Mongo;

/// <summary>
/// The store contract on MongoDB (the pinned engine, or MONGODB_URI). The suite's database names are
/// unique per test; the fixture's own prefix is used so a real server's test databases can be dropped.
/// </summary>
[Collection(MongoEngineCollection.Name)]
public sealed class MongoStoreContractTests(MongoEngineFixture mongo) : StoreContractTests
{
    // The suite hands out its own unique names; map each to one fixture database so the same name reopens it.
    private readonly Dictionary<string, string> databases = new(StringComparer.Ordinal);

    protected override Task<StoreBundle> OpenAsync(string databaseName)
    {
        string name;
        lock (databases)
        {
            if (!databases.TryGetValue(databaseName, out name!))
            {
                name = mongo.NewDatabaseName();
                databases[databaseName] = name;
            }
        }

        return MongoStores.OpenAsync(mongo.ConnectionString, name, CancellationToken.None);
    }

    protected override async Task<IReadOnlyList<string>> RawRecordsAsync(string databaseName, string table)
    {
        string name;
        lock (databases)
        {
            name = databases[databaseName];
        }

        var documents = await new MongoClient(mongo.ConnectionString).GetDatabase(name).GetCollection<BsonDocument>(table)
            .Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();
        return documents.ConvertAll(d => d.ToJson());
    }
}
