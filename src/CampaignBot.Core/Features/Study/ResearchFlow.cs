using System.Globalization;
using CampaignBot.Core.Conversations;
using Stateless;

namespace CampaignBot.Core.Features.Study;

/// <summary>/research (leaders): a field-research stay (蹲点调研): date, days, place, findings, opinions collected there.</summary>
public sealed class ResearchFlow : IConversationFlow
{
    private readonly FlowContext _context;
    private readonly StudyServices _services;
    private readonly FlowSteps _steps;
    private readonly StateMachine<State, Trigger> _machine;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _next;

    internal ResearchFlow(FlowContext context, StudyServices services, string flowName)
    {
        _context = context;
        _services = services;
        _steps = new FlowSteps(context, flowName, services.Calendar);
        _machine = FlowGraph.MachineOver<State, Trigger>(context.Session, State.AwaitingDate);
        _next = _machine.SetTriggerParameters<string>(Trigger.Answered);
        Configure();
    }

    private enum State
    {
        AwaitingDate,
        AwaitingLength,
        AwaitingPlace,
        AwaitingFindings,
        AwaitingOpinions,
        Done,
        Cancelled,
        TimedOut,
    }

    private enum Trigger
    {
        Answered,
        Finish,
        Back,
        Cancel,
        Timeout,
    }

    public bool IsFinished => _machine.State is State.Done or State.Cancelled or State.TimedOut;

    private Dictionary<string, string> Data => _context.Session.Data;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_steps.RefusedToNonLeaders(rank => rank.FieldResearchDays, "蹲点调研由领导干部记录；你的职级没有这项要求。需要记录学习请发送 /study。", "Field research is logged by leaders; your rank has no such minimum. Send /study to log study."))
        {
            _context.Session.State = nameof(State.Done);
            return Task.CompletedTask;
        }

        _context.Session.State = nameof(State.AwaitingDate);
        Reprompt();
        return Task.CompletedTask;
    }

    public Task HandleInputAsync(string input, CancellationToken cancellationToken)
    {
        string? value = _machine.State switch
        {
            State.AwaitingDate => _steps.ReadDate(input) is { } d ? FlowSteps.DateText(d) : null,
            State.AwaitingLength => _steps.ReadLength(input)?.ToString(CultureInfo.InvariantCulture),
            State.AwaitingPlace or State.AwaitingFindings => _steps.ReadNote(input, optional: false, out var text) ? text : null,
            State.AwaitingOpinions => _steps.ReadNote(input, optional: true, out var opinions) ? opinions ?? string.Empty : null,
            _ => null,
        };
        if (value is null)
        {
            Reprompt();
            return Task.CompletedTask;
        }

        return _machine.State == State.AwaitingOpinions ? SaveAsync(value, cancellationToken) : _machine.FireAsync(_next, value);
    }

    public Task BackAsync(CancellationToken cancellationToken) => FlowGraph.TryGoBackAsync(_machine, Trigger.Back, _context, Reprompt);

    public Task CancelAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Cancel);

    public Task TimeoutAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Timeout);

    public void Reprompt()
    {
        _context.Session.PromptToken = _context.NewPromptToken();
        switch (_machine.State)
        {
            case State.AwaitingDate:
                _context.Reply("蹲点调研是哪一天开始的？点“今天”或输入日期（如 3月5日）。/cancel 取消。", "When did the field research start? Press Today or type a date. /cancel to stop.", _steps.DateButtons());
                break;
            case State.AwaitingLength:
                _context.Reply("调研了几天？按半天计（如 1、1.5）。", "How many days? Half-day steps (1, 1.5).", _steps.LengthButtons());
                break;
            case State.AwaitingPlace:
                _context.Reply("在哪里蹲点？（如 某村、某社区）", "Where? (a village, a community…)");
                break;
            case State.AwaitingFindings:
                _context.Reply("主要发现了什么？（不超过 500 字）", "What did you find? (at most 500 characters)");
                break;
            case State.AwaitingOpinions:
                _context.Reply("收集到群众哪些意见？可简要列出，或点“跳过”。", "Which opinions did people give? List them briefly, or press Skip.", _steps.SkipButton());
                break;
        }
    }

    public string ExportGraph() => FlowGraph.Export(_machine);

    private void Configure()
    {
        Step(State.AwaitingDate, null, State.AwaitingLength, "date");
        Step(State.AwaitingLength, State.AwaitingDate, State.AwaitingPlace, "len");
        Step(State.AwaitingPlace, State.AwaitingLength, State.AwaitingFindings, "place");
        Step(State.AwaitingFindings, State.AwaitingPlace, State.AwaitingOpinions, "findings");
        Step(State.AwaitingOpinions, State.AwaitingFindings, State.Done, null);
        _machine.Configure(State.Cancelled).OnEntry(() => _context.Reply("已取消，未保存。", "Cancelled; nothing was saved."));
        _machine.Configure(State.TimedOut).OnEntry(() => _context.Reply("调研记录长时间未完成，已自动退出，未保存。", "The research log timed out; nothing was saved."));
        _machine.OnUnhandledTrigger((_, _) =>
        {
            _context.Reply("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
            Reprompt();
        });
    }

    private void Step(State state, State? back, State next, string? key)
    {
        var config = _machine.Configure(state)
            .OnEntry(Reprompt)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        if (key is not null)
        {
            config.Permit(Trigger.Answered, next);
            _machine.Configure(next).OnEntryFrom(_next, value => Data[key] = value);
        }
        else
        {
            config.Permit(Trigger.Finish, next);
        }

        if (back is { } previous)
        {
            config.Permit(Trigger.Back, previous);
        }
    }

    private async Task SaveAsync(string opinions, CancellationToken cancellationToken)
    {
        var member = _context.Member!;
        await _services.Log.AddAsync(
            new ActivityEntry
            {
                Id = $"research:{_context.Update.UpdateId}",
                Kind = ActivityKind.Research,
                MemberId = member.Id,
                UnitId = member.UnitId,
                Date = FlowSteps.ParseStored(Data["date"]),
                HalfDays = int.Parse(Data["len"], CultureInfo.InvariantCulture),
                Place = Data["place"],
                Note = Data["findings"],
                Opinions = opinions.Length > 0 ? opinions : null,
                RecordedBy = member.Id,
                RecordedAt = _context.Now,
            },
            cancellationToken);
        var standing = await _services.Progress.ForMemberAsync(member, cancellationToken);
        _context.Reply(
            $"已记录蹲点调研。你的进度：{standing.Describe(false)}。",
            $"Field research logged. Your progress: {standing.Describe(true)}.");
        await _machine.FireAsync(Trigger.Finish);
    }
}
