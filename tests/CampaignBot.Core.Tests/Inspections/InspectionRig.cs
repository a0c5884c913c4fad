using System.Collections.Concurrent;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Storage;
using CampaignBot.Core.Tests.Flows;
using CampaignBot.Tests.Shared;
using Microsoft.Extensions.Options;

namespace CampaignBot.Core.Tests.Inspections;

/// <summary>The inspection feature over in-memory stores, on a campaign of seven units, driven through the flow harness.</summary>
internal sealed class InspectionRig
{
    public InspectionRig(string user = "office1", string role = Roles.CampaignOffice, string unit = "county_east", int excludeWeeks = 8, string? languageCode = null)
    {
        Campaign = TestCampaign.Create() with
        {
            Units =
            [
                new("county_east", "东县", "county", null, new DateOnly(2027, 1, 1)),
                new("county_west", "西县", "county", null, new DateOnly(2027, 1, 1)),
                new("county_north", "北县", "county", null, new DateOnly(2027, 1, 1)),
                new("village_a", "甲村", "village", "county_east", new DateOnly(2027, 1, 16)),
                new("village_b", "乙村", "village", "county_east", new DateOnly(2027, 1, 16)),
                new("village_c", "丙村", "village", "county_west", new DateOnly(2027, 1, 16)),
                new("village_late", "迟村", "village", "county_west", new DateOnly(2027, 3, 1)),
            ],
        };
        var calendar = new CampaignCalendar(Campaign);
        Inspections = new DocumentInspectionStore(new InMemoryDocumentTable(), new InMemoryDocumentTable(), new InMemoryDocumentTable(), new InMemoryDocumentTable());
        Ledger = new DocumentLedgerStore(new InMemoryDocumentTable(), new InMemoryDocumentTable());
        var opinions = new DocumentOpinionStore(new InMemoryDocumentTable(), new InMemoryDocumentTable(), new InMemoryDocumentTable(), new InMemoryDocumentTable());
        var ledgerService = new LedgerService(Ledger, Members, Campaign, calendar, Options.Create(new LedgerOptions()));
        var facts = new InspectionFacts(Members, new InMemoryExaminationStore(), new InMemoryPledgeStore(), opinions, Ledger, Rounds, new StudyProgressService(Campaign, calendar, new EmptyActivityLog(), new EmptyHouseholds()), Campaign, calendar);
        Flow = new InspectionFlow(Inspections, facts, ledgerService, Campaign);
        Handling = new HandlingCases(Inspections, Rounds, Ledger, Campaign, calendar, Options.Create(new LedgerOptions()));
        var service = new InspectionService(Inspections, Campaign, calendar, Options.Create(new InspectionOptions { ExcludeWeeks = excludeWeeks }));
        var publisher = new InspectionBulletinPublisher(Inspections, Members, new NoGroups(), Campaign, calendar, []);
        Chat = new FlowHarness([Flow], [new InspectCommand(service, Inspections, Flow, publisher, Handling, Campaign, calendar), new HandlingCommand(Handling, Campaign, calendar)], Campaign, user, languageCode);
        Chat.Time.SetUtcNow(new DateTimeOffset(2027, 2, 10, 2, 0, 0, TimeSpan.Zero));
        Chat.Member = Person(user, role, unit);
        Members.UpsertAsync(Chat.Member, CancellationToken.None).GetAwaiter().GetResult();
    }

    public CampaignDefinition Campaign { get; }

    public InMemoryMemberStore Members { get; } = new();

    public InMemoryRoundStore Rounds { get; } = new();

    public DocumentInspectionStore Inspections { get; }

    public DocumentLedgerStore Ledger { get; }

    public InspectionFlow Flow { get; }

    public HandlingCases Handling { get; }

    public FlowHarness Chat { get; }

    public static Member Person(string id, string role, string unit, string name = "王调研") => new()
    {
        Id = id,
        Channel = "test",
        UserId = id,
        Name = name,
        Rank = "section",
        UnitId = unit,
        Role = role,
        RegisteredAt = new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>The inspection id in a reply that announced a draw ("已随机抽取调研 IXXXXXX").</summary>
    public static string IdIn(string reply)
    {
        var at = reply.IndexOf("调研 I", StringComparison.Ordinal);
        Assert.True(at >= 0, reply);
        return reply.Substring(at + 3, 7);
    }

    private sealed class NoGroups : IAudiences
    {
        public RoundAudience? Parse(string word) => null;

        public Task<Messaging.ChatRef?> GroupOfAsync(Conversations.FlowContext context, string unitId, CancellationToken cancellationToken) => Task.FromResult<Messaging.ChatRef?>(null);

        public string CodeFor(string seed) => seed;

        public Task<IReadOnlyList<Member>> RosterAsync(string unitId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Member>>([]);
    }
}

/// <summary>Evaluation rounds in memory, oldest first.</summary>
internal sealed class InMemoryRoundStore : IEvaluationRoundStore
{
    private readonly List<EvaluationRound> _rounds = [];

    public Task<RoundCreation> CreateAsync(EvaluationRound round, CancellationToken cancellationToken)
    {
        if (_rounds.Any(r => r.Id == round.Id))
        {
            return Task.FromResult(RoundCreation.Taken);
        }

        if (round.Status == RoundStatus.Open && _rounds.Any(r => r.UnitId == round.UnitId && r.Stage == round.Stage && r.Status == RoundStatus.Open))
        {
            return Task.FromResult(RoundCreation.StageOpen);
        }

        _rounds.Add(round);
        return Task.FromResult(RoundCreation.Created);
    }

    public Task<EvaluationRound?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_rounds.FirstOrDefault(r => r.Id == id));

    public Task<EvaluationRound?> FindByCodeAsync(string code, CancellationToken cancellationToken) => Task.FromResult(_rounds.FirstOrDefault(r => r.Code == code));

    public Task<IReadOnlyList<EvaluationRound>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EvaluationRound>>([.. _rounds.Where(r => unitId is null || r.UnitId == unitId).OrderBy(r => r.OpensAt).ThenBy(r => r.Id, StringComparer.Ordinal)]);

    public Task<bool> TryCloseAsync(string id, RoundResult result, CancellationToken cancellationToken)
    {
        var index = _rounds.FindIndex(r => r.Id == id && r.Status == RoundStatus.Open);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        _rounds[index] = _rounds[index] with { Status = RoundStatus.Closed, Result = result };
        return Task.FromResult(true);
    }

    /// <summary>A closed round of the stage with the verdict given, closed at <paramref name="closedAt"/>.</summary>
    public void AddClosed(string id, string unitId, string stage, bool passed, DateTimeOffset closedAt) => _rounds.Add(new EvaluationRound
    {
        Id = id,
        UnitId = unitId,
        Stage = stage,
        Audience = RoundAudience.Code,
        OpensAt = closedAt.AddDays(-1),
        ClosesAt = closedAt,
        PassRule = new Campaign.PassRule(0.8m, 10),
        OpenedBy = "office1",
        Status = RoundStatus.Closed,
        Result = new RoundResult(new Dictionary<string, long> { ["satisfied"] = passed ? 10 : 2, ["unsatisfied"] = passed ? 0 : 8 }, 10, passed ? 10 : 2, passed, closedAt),
    });
}

internal sealed class EmptyActivityLog : IActivityLogStore
{
    public Task<bool> AddAsync(ActivityEntry entry, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> ReplaceAsync(ActivityEntry entry, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<ActivityEntry?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult<ActivityEntry?>(null);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<IReadOnlyList<ActivityEntry>> ListAsync(string? unitId, string? memberId, ActivityKind? kind, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ActivityEntry>>([]);
}

internal sealed class EmptyHouseholds : IHouseholdStore
{
    public Task<bool> AddAsync(Household household, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> RenameAsync(string id, string label, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<IReadOnlyList<Household>> ListAsync(string? unitId, string? memberId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Household>>([]);
}
