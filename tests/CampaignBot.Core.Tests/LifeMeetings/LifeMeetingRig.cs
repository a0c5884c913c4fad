using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.LifeMeetings;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Core.Tests.Flows;

namespace CampaignBot.Core.Tests.LifeMeetings;

/// <summary>
/// The meeting's flows and /meeting over in-memory stores, one <see cref="FlowHarness"/> per person: a secretary, a head,
/// two team members, a supervisor of the unit above, and a member outside the team.
/// </summary>
internal sealed partial class LifeMeetingRig
{
    public const string Secretary = "9", Head = "1", Li = "2", Wang = "3", Supervisor = "8", Outsider = "7";

    private readonly Dictionary<string, FlowHarness> _people = [];

    public LifeMeetingRig()
    {
        Campaign = ExaminationCampaign.Create();
        Store = new DocumentLifeMeetingStore(new InMemoryDocumentTable(), new InMemoryDocumentTable());
        var people = new LifeMeetingPeople(Store, Members, Campaign);
        var open = new MeetingOpenFlow(Store, Members, people);
        var check = new TalkCheckFlow(Store, people);
        var confirm = new TalkConfirmFlow(Store, people);
        var record = new MeetingRecordFlow(Store, people, Rounds, new CampaignCalendar(Campaign));
        IFlowDefinition[] flows = [open, new CriticiseFlow(Store, people), check, confirm, record];
        ICommandHandler[] commands = [new MeetingCommand(Store, people, open, check, confirm, record)];
        foreach (var (user, name, role, unit) in new[]
        {
            (Secretary, "赵书记", Roles.Secretary, ExaminationCampaign.Village),
            (Head, "张主任", Roles.Member, ExaminationCampaign.Village),
            (Li, "李委员", Roles.Member, ExaminationCampaign.Village),
            (Wang, "王委员", Roles.Member, ExaminationCampaign.Village),
            (Outsider, "钱党员", Roles.Member, ExaminationCampaign.Village),
            (Supervisor, "孙督导", Roles.Supervisor, "county_east"),
        })
        {
            var member = ExaminationCampaign.Person(user, name, role) with { UnitId = unit };
            Members.UpsertAsync(member, CancellationToken.None).GetAwaiter().GetResult();
            _people[user] = new FlowHarness(flows, commands, Campaign, user) { Member = member };
        }
    }

    public CampaignDefinition Campaign { get; }

    public DocumentLifeMeetingStore Store { get; }

    public InMemoryMemberStore Members { get; } = new();

    public RecordingRoundOpening Rounds { get; } = new();

    public FlowHarness this[string user] => _people[user];

    public static string IdOf(string user) => Member.IdFor("test", user);

    /// <summary>The number a prompt shows before <paramref name="name"/> ("3. 张主任").</summary>
    public static string NumberOf(string prompt, string name) =>
        Regex.Match(prompt, $@"(\d+)\. {Regex.Escape(name)}").Groups[1].Value is { Length: > 0 } n ? n : throw new InvalidOperationException($"{name} is not listed in: {prompt}");

    /// <summary>The secretary opens the preparation with 张主任 as head and 李委员, 王委员 as members; returns the meeting.</summary>
    public async Task<LifeMeeting> OpenAsync()
    {
        var secretary = this[Secretary];
        var prompt = await secretary.SayAsync("/meeting open");
        await secretary.SayAsync($"{NumberOf(prompt, "张主任")} {NumberOf(prompt, "李委员")} {NumberOf(prompt, "王委员")}");
        await secretary.PressAsync("开始");
        return (await Store.ListAsync(ExaminationCampaign.Village, CancellationToken.None)).Single();
    }

    /// <summary><paramref name="author"/> writes <paramref name="points"/> for <paramref name="colleague"/> and submits.</summary>
    public async Task<string> CriticiseAsync(string author, string colleague, string points)
    {
        var chat = this[author];
        var prompt = await chat.SayAsync("/criticise");
        await chat.SayAsync(NumberOf(prompt, colleague));
        await chat.SayAsync(points);
        return await chat.PressAsync("提交");
    }

    /// <summary>The flow's current prompt lists <paramref name="label"/>: press it by its number.</summary>
    public static async Task<string> PickAsync(FlowHarness chat, string prompt, string label) =>
        await chat.SayAsync(NumberOf(prompt, label));

    public Task<CriticismTalk?> TalkAsync(LifeMeeting meeting, string from, string to) =>
        Store.GetTalkAsync(meeting.Id, IdOf(from), IdOf(to), CancellationToken.None);
}

/// <summary>The evaluations' port as the meeting sees it: records each opening and answers with a round id.</summary>
internal sealed class RecordingRoundOpening : IRoundOpening
{
    public ConcurrentQueue<(string Unit, string Stage, RoundAudience Audience, int Hours, string By)> Opened { get; } = new();

    public Task<RoundOpened> OpenAsync(FlowContext context, string unitId, string stage, RoundAudience audience, int hours, CancellationToken cancellationToken)
    {
        Opened.Enqueue((unitId, stage, audience, hours, context.Member!.Id));
        return Task.FromResult(new RoundOpened("abcd0123", new Text("已开启评议 abcd0123", "Round abcd0123 opened")));
    }
}
