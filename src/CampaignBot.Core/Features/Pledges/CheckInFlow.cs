using System.Globalization;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using Stateless;
using Stateless.Reflection;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>
/// Keeping pledges (履约践诺): for each published pledge, kept / partly / not yet, then a note (or skip).
/// Each answer is recorded at once, one per pledge and month; answering again in the month replaces it.
/// </summary>
public sealed class CheckInFlow : IConversationFlow
{
    public const int MaxNoteLength = 300;
    private const string QueueKey = "queue";
    private const string IndexKey = "i";

    private readonly FlowContext _context;
    private readonly IPledgeStore _store;
    private readonly CampaignCalendar _calendar;
    private readonly string _flowName;
    private readonly StateMachine<State, Trigger> _machine;

    public CheckInFlow(FlowContext context, IPledgeStore store, CampaignCalendar calendar, string flowName)
    {
        _context = context;
        _store = store;
        _calendar = calendar;
        _flowName = flowName;
        _machine = FlowGraph.MachineOver<State, Trigger>(context.Session, State.AskingOutcome);
        Configure();
    }

    private enum State
    {
        AskingOutcome,
        AskingNote,
        Done,
        Cancelled,
        TimedOut,
    }

    private enum Trigger
    {
        OutcomeGiven,
        NoteGiven,
        Back,
        Cancel,
        Timeout,
    }

    public bool IsFinished => _machine.State is State.Done or State.Cancelled or State.TimedOut;

    private Dictionary<string, string> Data => _context.Session.Data;

    private string[] Queue => (Data.GetValueOrDefault(QueueKey) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);

    private int Index => int.TryParse(Data.GetValueOrDefault(IndexKey), out var i) ? i : 0;

    public string ExportGraph() => FlowGraph.Export(_machine);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var published = _context.Member is { } member
            ? (await _store.ListByMemberAsync(member.Id, cancellationToken)).Where(p => p.Status == PledgeStatus.Published).OrderBy(p => AreaOrder(p.Area)).ToList()
            : [];
        if (published.Count == 0)
        {
            _context.Reply("你还没有发布公开承诺。发送 /pledge 写下你的承诺。", "You have no published pledges yet. Send /pledge to make them.");
            _context.Session.State = nameof(State.Cancelled);
            return;
        }

        Data[QueueKey] = string.Join(',', published.Select(p => p.Area));
        foreach (var pledge in published)
        {
            Data["p:" + pledge.Area] = pledge.Text;
        }

        Data[IndexKey] = "0";
        _context.Session.State = nameof(State.AskingOutcome);
        _context.Reply($"履约践诺（{PledgeCheckIns.PeriodOf(_calendar, _context.Now)}）：请逐条报告本月践行承诺的情况。", $"Keeping pledges ({PledgeCheckIns.PeriodOf(_calendar, _context.Now)}): tell us how you kept each pledge this month.");
        Reprompt();
    }

    public async Task HandleInputAsync(string input, CancellationToken cancellationToken)
    {
        if (_machine.State == State.AskingOutcome)
        {
            var outcome = PledgeOutcomes.All.Select((o, i) => (o, i)).FirstOrDefault(x => input == x.o.Code || input == x.o.Chinese);
            if (outcome.o.Code is null)
            {
                _context.Reply("请点击按钮：已践行、部分践行或尚未践行。", "Please press Kept, Partly kept or Not yet.");
                Reprompt();
                return;
            }

            Data["outcome"] = outcome.o.Code;
            await _machine.FireAsync(Trigger.OutcomeGiven);
            Reprompt();
            return;
        }

        var note = input is "skip" or "跳过" ? null : input.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            _context.Reply($"说明太长了（最多 {MaxNoteLength} 字），请精简后重新输入。", $"The note is too long (at most {MaxNoteLength} characters); please shorten it.");
            Reprompt();
            return;
        }

        var member = _context.Member!;
        var area = Queue[Index];
        await _store.RecordCheckInAsync(new PledgeCheckIn(member.Id, member.UnitId, area, PledgeCheckIns.PeriodOf(_calendar, _context.Now), Data["outcome"], note, _context.Now), cancellationToken);
        Data[IndexKey] = (Index + 1).ToString(CultureInfo.InvariantCulture);
        await _machine.FireAsync(Trigger.NoteGiven);
        Reprompt();
    }

    public async Task BackAsync(CancellationToken cancellationToken)
    {
        if (!_machine.CanFire(Trigger.Back))
        {
            _context.Reply("已经是这一条的第一步了。", "This is already the first step for this pledge.");
        }
        else
        {
            await _machine.FireAsync(Trigger.Back);
        }

        Reprompt();
    }

    public Task CancelAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Cancel);

    public Task TimeoutAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Timeout);

    public void Reprompt()
    {
        _context.Session.PromptToken = _context.NewPromptToken();
        if (_machine.State == State.AskingOutcome && Index < Queue.Length)
        {
            var area = Queue[Index];
            var name = _context.Campaign.PledgeAreas.FirstOrDefault(a => a.Code == area)?.Name ?? area;
            _context.Reply(
                $"第 {Index + 1}/{Queue.Length} 条【{name}】{Data.GetValueOrDefault("p:" + area)}\n本月践行情况？",
                $"Pledge {Index + 1}/{Queue.Length} [{name}] {Data.GetValueOrDefault("p:" + area)}\nHow did you keep it this month?",
                [PledgeOutcomes.All.Select(o => Button(_context.Text(o.Chinese, o.English), o.Code)).ToList()]);
        }
        else if (_machine.State == State.AskingNote)
        {
            _context.Reply($"请简要说明具体做法或原因（不超过 {MaxNoteLength} 字），或点“跳过”。", $"Add a short note (at most {MaxNoteLength} characters), or press Skip.", [[Button(_context.Text("跳过", "Skip"), "skip")]]);
        }
    }

    private void Configure()
    {
        _machine.Configure(State.AskingOutcome)
            .Permit(Trigger.OutcomeGiven, State.AskingNote)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.AskingNote)
            .PermitDynamic(Trigger.NoteGiven, () => Index < Queue.Length ? State.AskingOutcome : State.Done, "recorded", new DynamicStateInfos { { State.AskingOutcome, "more pledges" }, { State.Done, "last pledge" } })
            .Permit(Trigger.Back, State.AskingOutcome)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.Done)
            .OnEntry(() => _context.Reply("本月履约情况已记录，谢谢！", "This month's report is recorded. Thank you!"));
        _machine.Configure(State.Cancelled)
            .OnEntry(() => _context.Reply("已退出；已报告的条目已记录。发送 /checkin 可随时补报。", "Left; what you reported is recorded. Send /checkin any time to finish."));
        _machine.Configure(State.TimedOut)
            .OnEntry(() => _context.Reply("履约报告长时间未操作，已自动退出。发送 /checkin 可随时补报。", "The report was idle and closed. Send /checkin any time to finish."));
        _machine.OnUnhandledTrigger((_, _) =>
        {
            _context.Reply("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
            Reprompt();
        });
    }

    private int AreaOrder(string area) => _context.Campaign.PledgeAreas.Select(a => a.Code).TakeWhile(code => code != area).Count();

    private Button Button(string label, string value) =>
        new(label, new ButtonPayload(_flowName, _context.Session.PromptToken ?? "-", value).ToString());
}
