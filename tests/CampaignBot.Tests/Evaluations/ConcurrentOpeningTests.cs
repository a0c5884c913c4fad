using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Evaluations;
using static CampaignBot.Tests.Evaluations.EvaluationBot;

namespace CampaignBot.Tests.Evaluations;

/// <summary>
/// Two openings of one unit's stage at the same moment, held so that both pass the "is the stage open?" check before
/// either stores its round: the store lets one round in, and the other opening hands out nothing.
/// </summary>
public sealed class ConcurrentOpeningTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Two_office_members_opening_one_stage_on_two_hosts_at_once_open_one_round_with_one_ballot_each()
    {
        var meet = new ChecksMeet("county_east");
        await using var first = await StartAsync(configure: meet.Wrap);
        await using var second = await first.SecondHostAsync();
        await first.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        await first.RegisterAsync("office2", Roles.CampaignOffice, unit: "city");
        foreach (var user in new[] { "r1", "r2", "r3" })
        {
            await first.RegisterAsync(user);
        }

        await first.AcceptAsync(Private("office1"), "office1", new CommandInput("round", "open county_east style_status 24 roster"));
        await second.AcceptAsync(Private("office2"), "office2", new CommandInput("round", "open county_east style_status 24 roster"));
        await Task.WhenAll(Task.Run(first.DispatchOnceAsync), Task.Run(second.DispatchOnceAsync));
        var sent = await first.DrainAsync();

        Assert.True(meet.Met);
        var round = Assert.Single(await first.Stores.EvaluationRounds.ListAsync("county_east", Ct));
        var winner = round.OpenedBy.Split(':')[1];
        var loser = winner == "office1" ? "office2" : "office1";
        Assert.Equal(["r1", "r2", "r3"], sent.Where(m => m.Id.Contains(":ballot:", StringComparison.Ordinal)).Select(m => m.Chat.Id).Order());
        Assert.Contains($"已开启评议 {round.Id}", Texts(sent.Where(m => m.Chat == Private(winner))), StringComparison.Ordinal);
        var refused = Assert.Single(sent, m => m.Chat == Private(loser));
        Assert.Equal($"东县的“作风现状评价”已有进行中的评议（{round.Id}），请先结束它：/round close {round.Id}", Texts([refused]));
        Assert.Equal(3, (await first.Stores.Turnout.ListAsync(round.Id, Ct)).Count);
        var jobs = (await first.Stores.Jobs.DueAsync(DateTimeOffset.MaxValue, 1000, Ct))
            .Where(j => j.Kind is RoundCloser.CloseJobKind or RoundJobs.ReminderJobKind).ToList();
        Assert.Equal([RoundCloser.CloseJobId(round.Id), RoundJobs.ReminderJobId(round.Id)], jobs.Select(j => j.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_features_opening_one_stage_at_once_get_one_round_and_the_refused_one_sends_nothing()
    {
        var meet = new ChecksMeet("county_east");
        await using var bot = await StartAsync(configure: meet.Wrap);
        var office1 = await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        var office2 = await bot.RegisterAsync("office2", Roles.CampaignOffice, unit: "city");
        await bot.RegisterAsync("r1");
        await bot.RegisterAsync("r2");
        var campaign = bot.Services.GetRequiredService<CampaignDefinition>();
        FlowContext ContextOf(Member member) => new(
            new Inbound($"u-{member.UserId}", 1, member.PrivateChat, new UserRef(member.UserId), new CommandInput("meeting", "record"), bot.Time.GetUtcNow()),
            new Session { Key = $"console:{member.UserId}:{member.UserId}" },
            member,
            campaign,
            bot.Time.GetUtcNow());
        var contexts = new[] { ContextOf(office1), ContextOf(office2) };

        await using var scope = bot.Services.CreateAsyncScope();
        var opening = scope.ServiceProvider.GetRequiredService<IRoundOpening>();
        var results = await Task.WhenAll(contexts.Select(c => Task.Run(() => opening.OpenAsync(c, "county_east", "meeting_satisfaction", RoundAudience.Roster, 24, Ct))));

        Assert.True(meet.Met);
        var round = Assert.Single(await bot.Stores.EvaluationRounds.ListAsync("county_east", Ct));
        Assert.All(results, r => Assert.Equal(round.Id, r.RoundId));
        var won = Array.FindIndex(contexts, c => c.Member!.Id == round.OpenedBy);
        var (winner, loser) = (contexts[won], contexts[1 - won]);
        Assert.Contains($"已开启评议 {round.Id}", results[won].Said.Chinese, StringComparison.Ordinal);
        Assert.Equal(EvaluationTexts.StageAlreadyOpen(round.Id), results[1 - won].Said);
        Assert.Equal(["r1", "r2"], winner.KeyedNotifications.Select(n => n.Chat.Id).Order());
        Assert.Equal(2, winner.Jobs.Count);
        Assert.Empty(loser.Notifications);
        Assert.Empty(loser.KeyedNotifications);
        Assert.Empty(loser.Jobs);
        Assert.Empty(loser.Replies);
    }

    /// <summary>
    /// Holds the first <paramref name="parties"/> look-ups of a unit's rounds until all of them have read, so that every
    /// opening has checked the stage before any stores its round. Shared by the hosts it wraps.
    /// </summary>
    private sealed class ChecksMeet(string unitId, int parties = 2)
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool Met => _all.Task.IsCompletedSuccessfully;

        /// <summary>Puts the meeting in front of the host's round store.</summary>
        public void Wrap(IHostApplicationBuilder builder)
        {
            var stored = builder.Services.Last(d => d.ServiceType == typeof(IEvaluationRoundStore));
            builder.Services.AddSingleton<IEvaluationRoundStore>(new Store((IEvaluationRoundStore)stored.ImplementationInstance!, this));
        }

        private async Task ArriveAsync(string? unit)
        {
            if (unit != unitId)
            {
                return;
            }

            var arrived = Interlocked.Increment(ref _arrived);
            if (arrived == parties)
            {
                _all.TrySetResult();
            }

            if (arrived <= parties)
            {
                try
                {
                    await _all.Task.WaitAsync(Patience);
                }
                catch (TimeoutException ex)
                {
                    throw new TimeoutException($"Only {_arrived} of {parties} openings checked the stage within {Patience.TotalSeconds} s: they did not run at the same time.", ex);
                }
            }
        }

        private sealed class Store(IEvaluationRoundStore inner, ChecksMeet meet) : IEvaluationRoundStore
        {
            public async Task<IReadOnlyList<EvaluationRound>> ListAsync(string? unitId, CancellationToken cancellationToken)
            {
                var rounds = await inner.ListAsync(unitId, cancellationToken);
                await meet.ArriveAsync(unitId);
                return rounds;
            }

            public Task<RoundCreation> CreateAsync(EvaluationRound round, CancellationToken cancellationToken) => inner.CreateAsync(round, cancellationToken);

            public Task<EvaluationRound?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

            public Task<EvaluationRound?> FindByCodeAsync(string code, CancellationToken cancellationToken) => inner.FindByCodeAsync(code, cancellationToken);

            public Task<bool> TryCloseAsync(string id, RoundResult result, CancellationToken cancellationToken) => inner.TryCloseAsync(id, result, cancellationToken);

            public Task<bool> TryCountAndCloseAsync(string id, IBallotStore ballots, Func<Tally, RoundResult> result, CancellationToken cancellationToken) =>
                inner.TryCountAndCloseAsync(id, ballots, result, cancellationToken);
        }
    }
}
