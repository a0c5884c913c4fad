using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;
using CampaignBot.Storage.Mongo;
using CampaignBot.Storage.Tests.Contract;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;
using MongoDB.Driver.Core.Events;
using Xunit.Abstractions;

namespace CampaignBot.Storage.Tests.Mongo;

/// <summary>
/// Round trips to MongoDB per update on the message path, counted with the driver's command events: from the
/// inbox write to the "sent" mark, claims included.
/// </summary>
[Collection(MongoEngineCollection.Name)]
public sealed class MongoRoundTripTests(MongoEngineFixture mongo, ITestOutputHelper output)
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Claims_take_a_fixed_number_of_round_trips_however_many_updates_they_claim()
    {
        var (stores, commands) = await OpenCountedAsync();
        for (var i = 0; i < 40; i++)
        {
            await stores.Inbox.AddAsync(InboxItem.From(PipelineHarness.Command($"c{i}", "help", $"{8000 + i}"), ContractData.T0), Ct);
        }

        commands.Reset();
        var claimed = await stores.Inbox.ClaimPendingAsync("test", ContractData.T0, TimeSpan.FromMinutes(1), 100, Ct);

        Assert.Equal(40, claimed.Count);
        Assert.Equal(3, commands.Count);
        Assert.Empty(await stores.Inbox.ClaimPendingAsync("rival", ContractData.T0, TimeSpan.FromMinutes(1), 100, Ct));
    }

    [Fact]
    public async Task A_steady_stream_of_updates_costs_a_bounded_number_of_round_trips_each()
    {
        const int Updates = 60;
        var (stores, commands) = await OpenCountedAsync();
        var time = new FakeTimeProvider(ContractData.T0);
        var pipeline = new PipelineHarness(stores, time);
        var signals = new PipelineSignals();
        var dispatcher = new InboxDispatcher(stores.Inbox, stores.Outbox, pipeline.Handler(), signals, pipeline.Options, time, NullLogger<InboxDispatcher>.Instance);
        var sender = new RecordingSender();
        var outbox = pipeline.OutboxWorker(sender);
        var writer = new InboxWriter(stores.Inbox, signals, time);

        // Warm: every user has a session already, as in steady state.
        var users = Enumerable.Range(0, Updates).Select(i => $"{9000 + i}").ToList();
        await ((IInboundSink)writer).AcceptManyAsync([.. users.Select(u => PipelineHarness.Command($"w{u}", "help", u))], Ct);
        await dispatcher.RunOnceAsync(Ct);
        await outbox.RunOnceAsync(Ct);

        commands.Reset();
        await ((IInboundSink)writer).AcceptManyAsync([.. users.Select(u => PipelineHarness.Command($"s{u}", "me", u))], Ct);
        Assert.Equal(Updates, await dispatcher.RunOnceAsync(Ct));
        var sent = await outbox.RunOnceAsync(Ct);

        var perUpdate = (double)commands.Count / Updates;
        output.WriteLine($"{commands.Count} round trips for {Updates} updates ({sent} messages sent): {perUpdate:F2} per update; by command: {commands.Summary()}");
        Assert.True(sent >= Updates);
        Assert.InRange(perUpdate, 1, 7);
    }

    private async Task<(StoreBundle Stores, CommandCounter Commands)> OpenCountedAsync()
    {
        var counter = new CommandCounter();
        var settings = MongoClientSettings.FromConnectionString(mongo.ConnectionString);
        settings.ClusterConfigurator = cluster => cluster.Subscribe<CommandStartedEvent>(counter.Record);
        var database = new MongoClient(settings).GetDatabase(mongo.NewDatabaseName());
        return (await MongoStores.OpenAsync(database, Ct), counter);
    }

    private sealed class CommandCounter
    {
        private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

        public int Count
        {
            get
            {
                lock (_byName)
                {
                    return _byName.Values.Sum();
                }
            }
        }

        public void Record(CommandStartedEvent started)
        {
            lock (_byName)
            {
                _byName[started.CommandName] = _byName.GetValueOrDefault(started.CommandName) + 1;
            }
        }

        public void Reset()
        {
            lock (_byName)
            {
                _byName.Clear();
            }
        }

        public string Summary()
        {
            lock (_byName)
            {
                return string.Join(", ", _byName.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
            }
        }
    }
}
