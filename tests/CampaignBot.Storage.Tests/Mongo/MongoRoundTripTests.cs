using CampaignBot.Core.Features.Registration;
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

    /// <summary>The target for a steady-state update, claims and "sent" marks included.</summary>
    private const double MaxPerUpdate = 4;

    [Fact]
    public async Task Claims_take_two_round_trips_however_many_updates_they_claim()
    {
        var (stores, commands) = await OpenCountedAsync();
        await stores.Inbox.AddManyAsync([.. Enumerable.Range(0, 40).Select(i => InboxItem.From(PipelineHarness.Command($"c{i}", "help", $"{8000 + i}"), ContractData.T0))], Ct);

        commands.Reset();
        var claimed = await stores.Inbox.ClaimPendingAsync("test", ContractData.T0, TimeSpan.FromMinutes(1), 100, Ct);

        Assert.Equal(40, claimed.Count);
        Assert.All(claimed, item => Assert.Equal(("test", 1), (item.LeaseOwner, item.Attempts)));
        Assert.Equal(2, commands.Count);
        Assert.Empty(await stores.Inbox.ClaimPendingAsync("rival", ContractData.T0, TimeSpan.FromMinutes(1), 100, Ct));
    }

    [Fact]
    public async Task A_steady_update_costs_at_most_four_round_trips_from_the_inbox_write_to_the_sent_mark()
    {
        const int Updates = 60;
        var (stores, commands) = await OpenCountedAsync();
        var rig = new Rig(stores);

        // Warm: every user has a session already, as in steady state.
        var users = Enumerable.Range(0, Updates).Select(i => $"{9000 + i}").ToList();
        await rig.RoundAsync([.. users.Select(u => PipelineHarness.Command($"w{u}", "help", u))]);

        commands.Reset();
        var (handled, sent) = await rig.RoundAsync([.. users.Select(u => PipelineHarness.Command($"s{u}", "me", u))]);

        var perUpdate = (double)commands.Count / Updates;
        output.WriteLine($"{commands.Count} round trips for {Updates} updates ({sent} messages sent): {perUpdate:F2} per update; by command: {commands.Summary()}");
        Assert.Equal(Updates, handled);
        Assert.True(sent >= Updates);
        Assert.InRange(perUpdate, 0.01, MaxPerUpdate);
    }

    [Fact]
    public async Task Registration_costs_at_most_four_round_trips_per_update_with_the_invite_and_member_writes()
    {
        const int Users = 40;
        var (stores, commands) = await OpenCountedAsync();
        await stores.Invites.CreateAsync(new Invite { Code = "BENCH2027", UnitId = "county_east", Role = Roles.Member, MaxUses = 10_000, CreatedAt = ContractData.T0 }, Ct);
        var rig = new Rig(stores);
        var users = Enumerable.Range(0, Users).Select(i => $"{7000 + i}").ToList();

        commands.Reset();
        var steps = new Func<string, InboundContent>[]
        {
            _ => new CommandInput("start", string.Empty),
            _ => new TextInput("BENCH2027"),
            _ => new TextInput("压测用户"),
            user => new ButtonPress(rig.Sender.ButtonOf(user, "普通党员")),
            user => new ButtonPress(rig.Sender.ButtonOf(user, "确认")),
        };
        for (var step = 0; step < steps.Length; step++)
        {
            var (handled, _) = await rig.RoundAsync([.. users.Select(u => Update($"r{step}-{u}", u, steps[step](u)))]);
            Assert.Equal(Users, handled);
        }

        var perUpdate = (double)commands.Count / (Users * steps.Length);
        output.WriteLine($"{commands.Count} round trips for {Users * steps.Length} registration updates: {perUpdate:F2} per update; by command: {commands.Summary()}");
        Assert.All(users, u => Assert.NotNull(stores.Members.GetAsync(Member.IdFor("telegram", u), Ct).Result));
        Assert.Equal(Users, (await stores.Invites.GetAsync("BENCH2027", Ct))!.Uses);
        Assert.InRange(perUpdate, 0.01, MaxPerUpdate);
    }

    private static Inbound Update(string updateId, string user, InboundContent content) =>
        new(updateId, 1, new ChatRef("telegram", user, ChatKind.Private), new UserRef(user), content, ContractData.T0);

    private async Task<(StoreBundle Stores, CommandCounter Commands)> OpenCountedAsync()
    {
        var counter = new CommandCounter();
        var settings = MongoClientSettings.FromConnectionString(mongo.ConnectionString);
        settings.ClusterConfigurator = cluster => cluster.Subscribe<CommandStartedEvent>(counter.Record);
        var database = new MongoClient(settings).GetDatabase(mongo.NewDatabaseName());
        return (await MongoStores.OpenAsync(database, Ct), counter);
    }

    /// <summary>The message path over one bundle as the host wires it on MongoDB: inbox writer, dispatcher, update commits, outbox worker.</summary>
    private sealed class Rig
    {
        private readonly InboxDispatcher _dispatcher;
        private readonly OutboxWorker _outbox;
        private readonly InboxWriter _writer;

        public Rig(StoreBundle stores)
        {
            var time = new FakeTimeProvider(ContractData.T0);
            var pipeline = new PipelineHarness(stores, time);
            var signals = new PipelineSignals();
            _dispatcher = new InboxDispatcher(stores.Inbox, stores.Outbox, pipeline.Handler(commits: stores.Commits), signals, pipeline.Options, time, NullLogger<InboxDispatcher>.Instance);
            _outbox = pipeline.OutboxWorker(Sender);
            _writer = new InboxWriter(stores.Inbox, signals, time);
        }

        public PromptRecorder Sender { get; } = new();

        /// <summary>One getUpdates batch: stored in the inbox, handled, and the replies sent.</summary>
        public async Task<(int Handled, int Sent)> RoundAsync(IReadOnlyList<Inbound> batch)
        {
            await ((IInboundSink)_writer).AcceptManyAsync(batch, Ct);
            int handled = 0, sent = 0, step;
            while ((step = await _dispatcher.RunOnceAsync(Ct)) > 0)
            {
                handled += step;
                sent += await _outbox.RunOnceAsync(Ct);
            }

            return (handled, sent + await _outbox.RunOnceAsync(Ct));
        }
    }

    /// <summary>A sender that keeps the buttons of each chat's latest prompt, so a test can press them.</summary>
    private sealed class PromptRecorder : IChannelSender
    {
        private readonly Dictionary<string, IReadOnlyList<Button>> _buttons = new(StringComparer.Ordinal);

        public string Channel => "telegram";

        public ChannelRateLimits Limits => ChannelRateLimits.Unlimited;

        public string ButtonOf(string chat, string label)
        {
            lock (_buttons)
            {
                return _buttons[chat].Single(b => b.Label == label).Payload;
            }
        }

        public Task<SendResult> SendAsync(OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken)
        {
            var buttons = body switch
            {
                TextMessage { Buttons: { } rows } => rows,
                EditMessage { Buttons: { } rows } => rows,
                _ => null,
            };
            if (buttons is not null)
            {
                lock (_buttons)
                {
                    _buttons[message.Chat.Id] = [.. buttons.SelectMany(row => row)];
                }
            }

            return Task.FromResult(SendResult.Sent($"m-{message.Id}"));
        }
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
