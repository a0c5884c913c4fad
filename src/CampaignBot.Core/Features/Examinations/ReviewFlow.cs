using System.Globalization;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using Stateless;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>
/// The review loop: choose a submitted self-examination, read it, accept it or return it with a comment.
/// A version is reviewed once (the store refuses a second review), so two reviewers cannot both decide.
/// </summary>
public sealed partial class ReviewFlow : IConversationFlow
{
    public const int MinCommentLength = 5;
    public const int MaxCommentLength = 500;
    private const string ListKey = "list";
    private const string ChosenKey = "who";

    private readonly FlowContext _context;
    private readonly IExaminationStore _store;
    private readonly ExaminationReviewers _reviewers;
    private readonly string _flowName;
    private readonly StateMachine<State, Trigger> _machine;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _commentGiven;

    public ReviewFlow(FlowContext context, IExaminationStore store, ExaminationReviewers reviewers, string flowName)
    {
        _context = context;
        _store = store;
        _reviewers = reviewers;
        _flowName = flowName;
        _machine = FlowGraph.MachineOver<State, Trigger>(context.Session, State.Choosing);
        _commentGiven = _machine.SetTriggerParameters<string>(Trigger.CommentGiven);
        Configure();
    }

    private enum State
    {
        Choosing,
        Reading,
        AwaitingComment,
        Decided,
        Cancelled,
        TimedOut,
    }

    private enum Trigger
    {
        Chosen,
        Accept,
        Return,
        CommentGiven,
        Back,
        Cancel,
        Timeout,
    }

    public bool IsFinished => _machine.State is State.Decided or State.Cancelled or State.TimedOut;

    /// <summary>The list or menu asks nothing: a new command leaves it (see IConversationFlow.LetsCommandsThrough).</summary>
    public bool LetsCommandsThrough => _machine.State is State.Choosing;

    private Dictionary<string, string> Data => _context.Session.Data;

    private string[] Pending => Data.GetValueOrDefault(ListKey)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public string ExportGraph() => FlowGraph.Export(_machine);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_context.Member is not { Role: Roles.Secretary or Roles.Supervisor or Roles.CampaignOffice } reviewer)
        {
            _context.Reply("只有支部书记、督导组和活动办可以审核对照检查。", "Only secretaries, supervisors and the campaign office can review self-examinations.");
            _context.Session.State = nameof(State.Cancelled);
            return;
        }

        var pending = (await _store.ListAsync(null, cancellationToken))
            .Where(e => e.Status == ExaminationStatus.Submitted && _reviewers.MayReview(reviewer, e))
            .OrderBy(e => e.SubmittedAt)
            .Take(20)
            .ToList();
        if (pending.Count == 0)
        {
            _context.Reply("目前没有等待你审核的对照检查。", "There is no self-examination waiting for your review.");
            _context.Session.State = nameof(State.Cancelled);
            return;
        }

        Data[ListKey] = string.Join('\n', pending.Select(e => e.MemberId));
        foreach (var (exam, index) in pending.Select((e, i) => (e, i)))
        {
            Data["n" + index.ToString(CultureInfo.InvariantCulture)] = $"{exam.MemberName}（{_context.Campaign.FindUnit(exam.UnitId)?.Name ?? exam.UnitId}）第 {exam.Submissions} 版";
        }

        _context.Session.State = nameof(State.Choosing);
        Reprompt();
    }

    public Task HandleInputAsync(string input, CancellationToken cancellationToken) => _machine.State switch
    {
        State.Choosing => ChooseAsync(input, cancellationToken),
        State.Reading => DecideAsync(input, cancellationToken),
        State.AwaitingComment => CommentAsync(input, cancellationToken),
        _ => Task.CompletedTask,
    };

    public async Task BackAsync(CancellationToken cancellationToken)
    {
        if (await FlowGraph.TryGoBackAsync(_machine, Trigger.Back, _context, Reprompt))
        {
            await ShowAsync(cancellationToken);
        }
    }

    public Task CancelAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Cancel);

    public Task TimeoutAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Timeout);

    private void Configure()
    {
        _machine.Configure(State.Choosing)
            .Permit(Trigger.Chosen, State.Reading)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.Reading)
            .Permit(Trigger.Accept, State.Decided)
            .Permit(Trigger.Return, State.AwaitingComment)
            .Permit(Trigger.Back, State.Choosing)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.AwaitingComment)
            .Permit(Trigger.CommentGiven, State.Decided)
            .Permit(Trigger.Back, State.Reading)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.Decided)
            .OnEntryFrom(Trigger.Accept, () => _context.Reply("已通过，已通知本人。发送 /review 审核下一份。", "Accepted; the member has been told. Send /review for the next one."))
            .OnEntryFrom(_commentGiven, _ => _context.Reply("已退回修改，意见已发给本人。发送 /review 审核下一份。", "Returned with your comment; the member has been told. Send /review for the next one."));
        _machine.Configure(State.Cancelled)
            .OnEntry(() => _context.Reply("已退出审核，未做任何决定。", "Left the review; nothing was decided."));
        _machine.Configure(State.TimedOut)
            .OnEntry(() => _context.Reply("审核长时间未操作，已自动退出，未做任何决定。", "The review was idle and closed; nothing was decided."));
        _machine.OnUnhandledTrigger((_, _) =>
        {
            _context.Reply("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
            Reprompt();
        });
    }
}
