using System.Globalization;
using System.Text;
using CampaignBot.Core.Conversations;
using Stateless;

namespace CampaignBot.Core.Features.Study;

/// <summary>
/// /visits (leaders, 走亲连心): pair with a household under a short label, or log a visit to a paired household
/// with its date and what was done; shows the count against the minimum and the visits in the set periods.
/// </summary>
public sealed partial class VisitsFlow : IConversationFlow
{
    private const int MaxHouseholdButtons = 12;
    private readonly FlowContext _context;
    private readonly StudyServices _services;
    private readonly FlowSteps _steps;
    private readonly StateMachine<State, Trigger> _machine;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _householdPicked;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _dateGiven;

    internal VisitsFlow(FlowContext context, StudyServices services, string flowName)
    {
        _context = context;
        _services = services;
        _steps = new FlowSteps(context, flowName, services.Calendar);
        _machine = FlowGraph.MachineOver<State, Trigger>(context.Session, State.Choosing);
        _householdPicked = _machine.SetTriggerParameters<string>(Trigger.HouseholdPicked);
        _dateGiven = _machine.SetTriggerParameters<string>(Trigger.DateGiven);
        Configure();
    }

    private enum State
    {
        Choosing,
        AwaitingLabel,
        PickingHousehold,
        AwaitingDate,
        AwaitingWhatDone,
        Done,
        Cancelled,
        TimedOut,
    }

    private enum Trigger
    {
        Pair,
        LogVisit,
        HouseholdPicked,
        DateGiven,
        Finish,
        Back,
        Cancel,
        Timeout,
    }

    public bool IsFinished => _machine.State is State.Done or State.Cancelled or State.TimedOut;

    /// <summary>The list or menu asks nothing: a new command leaves it (see IConversationFlow.LetsCommandsThrough).</summary>
    public bool LetsCommandsThrough => _machine.State is State.Choosing;

    private Dictionary<string, string> Data => _context.Session.Data;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_steps.RefusedToNonLeaders(rank => rank.HouseholdVisits, "走亲连心结对由领导干部记录；你的职级没有这项要求。", "Household pairing is logged by leaders; your rank has no such minimum."))
        {
            _context.Session.State = nameof(State.Done);
            return Task.CompletedTask;
        }

        _context.Session.State = nameof(State.Choosing);
        Reprompt();
        return Task.CompletedTask;
    }

    public async Task HandleInputAsync(string input, CancellationToken cancellationToken)
    {
        switch (_machine.State)
        {
            case State.Choosing when input is "pair":
                await _machine.FireAsync(Trigger.Pair);
                break;
            case State.Choosing when input is "visit":
                await StartVisitAsync(cancellationToken);
                break;
            case State.AwaitingLabel:
                await PairAsync(input, cancellationToken);
                break;
            case State.PickingHousehold when Data.GetValueOrDefault("houses", string.Empty).Split(',').Contains(input) && input.Length > 0:
                await _machine.FireAsync(_householdPicked, input);
                break;
            case State.AwaitingDate when _steps.ReadDate(input) is { } date:
                await _machine.FireAsync(_dateGiven, FlowSteps.DateText(date));
                break;
            case State.AwaitingWhatDone when _steps.ReadNote(input, optional: false, out var note):
                await SaveVisitAsync(note!, cancellationToken);
                break;
            case State.Choosing or State.PickingHousehold:
                _context.Reply("请点击下面的按钮选择。", "Please choose with the buttons below.");
                Reprompt();
                break;
            default:
                Reprompt();
                break;
        }
    }

    public Task BackAsync(CancellationToken cancellationToken) => FlowGraph.TryGoBackAsync(_machine, Trigger.Back, _context, Reprompt);

    public Task CancelAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Cancel);

    public Task TimeoutAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Timeout);

    public void Reprompt()
    {
        _context.Session.PromptToken = _context.NewPromptToken();
        switch (_machine.State)
        {
            case State.Choosing:
                _context.Reply("走亲连心：请选择（/cancel 取消）。", "Household visits: choose (/cancel to stop).",
                    _steps.Column([(_context.Text("记录一次走访", "Log a visit"), "visit"), (_context.Text("新结对一户", "Pair with a household"), "pair")]));
                break;
            case State.AwaitingLabel:
                _context.Reply(
                    $"请给结对户起一个简短的称呼（不超过 {Household.MaxLabelLength} 字，如“东关村王大爷家”）。不要填写身份证号、电话等个人信息。",
                    $"Give the household a short label (at most {Household.MaxLabelLength} characters). No ID numbers or phone numbers, please.");
                break;
            case State.PickingHousehold:
                _context.Reply("走访的是哪一户？", "Which household did you visit?", _steps.Column(Data.GetValueOrDefault("labels", string.Empty).Split('\n').Zip(Data.GetValueOrDefault("houses", string.Empty).Split(','))));
                break;
            case State.AwaitingDate:
                _context.Reply("哪天走访的？点“今天”或输入日期（如 3月5日）。", "When was the visit? Press Today or type a date.", _steps.DateButtons());
                break;
            case State.AwaitingWhatDone:
                _context.Reply("这次走访做了什么？（如 宣讲政策、听取意见、帮办实事，不超过 500 字）", "What was done on this visit? (at most 500 characters)");
                break;
        }
    }

    public string ExportGraph() => FlowGraph.Export(_machine);

    private void Configure()
    {
        _machine.Configure(State.Choosing).OnEntry(Reprompt)
            .Permit(Trigger.Pair, State.AwaitingLabel).Permit(Trigger.LogVisit, State.PickingHousehold)
            .Permit(Trigger.Cancel, State.Cancelled).Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.AwaitingLabel).OnEntry(Reprompt)
            .Permit(Trigger.Finish, State.Done).Permit(Trigger.Back, State.Choosing)
            .Permit(Trigger.Cancel, State.Cancelled).Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.PickingHousehold).OnEntry(Reprompt)
            .Permit(Trigger.HouseholdPicked, State.AwaitingDate).Permit(Trigger.Back, State.Choosing)
            .Permit(Trigger.Cancel, State.Cancelled).Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.AwaitingDate).OnEntryFrom(_householdPicked, id => Data["house"] = id).OnEntry(Reprompt)
            .Permit(Trigger.DateGiven, State.AwaitingWhatDone).Permit(Trigger.Back, State.PickingHousehold)
            .Permit(Trigger.Cancel, State.Cancelled).Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.AwaitingWhatDone).OnEntryFrom(_dateGiven, date => Data["date"] = date).OnEntry(Reprompt)
            .Permit(Trigger.Finish, State.Done).Permit(Trigger.Back, State.AwaitingDate)
            .Permit(Trigger.Cancel, State.Cancelled).Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.Cancelled).OnEntry(() => _context.Reply("已取消，未保存。", "Cancelled; nothing was saved."));
        _machine.Configure(State.TimedOut).OnEntry(() => _context.Reply("走访记录长时间未完成，已自动退出，未保存。", "The visit log timed out; nothing was saved."));
        _machine.OnUnhandledTrigger((_, _) =>
        {
            _context.Reply("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
            Reprompt();
        });
    }
}
