using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Storage;
using Stateless;
using Stateless.Reflection;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>
/// Public pledges (公开承诺): choose areas, write each (10–500 characters), preview, publish. Drafts are saved as they
/// are written and can be edited or withdrawn until publication; published pledges are read-only.
/// </summary>
public sealed partial class PledgeFlow : IConversationFlow
{
    private const string SelectedKey = "areas";
    private const string QueueKey = "queue";

    private readonly FlowContext _context;
    private readonly IPledgeStore _store;
    private readonly IChatStore _chats;
    private readonly CampaignCalendar _calendar;
    private readonly string _flowName;
    private readonly StateMachine<State, Trigger> _machine;

    public PledgeFlow(FlowContext context, IPledgeStore store, IChatStore chats, CampaignCalendar calendar, string flowName)
    {
        _context = context;
        _store = store;
        _chats = chats;
        _calendar = calendar;
        _flowName = flowName;
        _machine = FlowGraph.MachineOver<State, Trigger>(context.Session, State.ChoosingAreas);
        Configure();
    }

    private enum State
    {
        ChoosingAreas,
        Writing,
        Previewing,
        Published,
        Cancelled,
        TimedOut,
    }

    private enum Trigger
    {
        AreasChosen,
        Written,
        Edit,
        AddAreas,
        Publish,
        Back,
        Cancel,
        Timeout,
    }

    public bool IsFinished => _machine.State is State.Published or State.Cancelled or State.TimedOut;

    private Dictionary<string, string> Data => _context.Session.Data;

    private IReadOnlyList<CatalogueItem> Areas => _context.Campaign.PledgeAreas;

    private List<string> Selected => List(SelectedKey);

    private List<string> Queue => List(QueueKey);

    /// <summary>Areas with a written draft, in the campaign's order.</summary>
    private List<CatalogueItem> Drafted => Areas.Where(a => Data.ContainsKey("p:" + a.Code)).ToList();

    public string ExportGraph() => FlowGraph.Export(_machine);

    public Task BackAsync(CancellationToken cancellationToken)
    {
        if (!_machine.CanFire(Trigger.Back))
        {
            _context.Reply("已经是第一步了。", "This is already the first step.");
            Reprompt();
            return Task.CompletedTask;
        }

        return FireAndPromptAsync(Trigger.Back);
    }

    public Task CancelAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Cancel);

    public Task TimeoutAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Timeout);

    private void Configure()
    {
        var afterWriting = new DynamicStateInfos { { State.Writing, "more areas to write" }, { State.Previewing, "all written" } };
        _machine.Configure(State.ChoosingAreas)
            .PermitDynamic(Trigger.AreasChosen, () => Queue.Count > 0 ? State.Writing : State.Previewing, "areas chosen", afterWriting)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.Writing)
            .PermitDynamic(Trigger.Written, () => Queue.Count > 0 ? State.Writing : State.Previewing, "pledge written", afterWriting)
            .PermitDynamic(Trigger.Back, () => Drafted.Count > 0 ? State.Previewing : State.ChoosingAreas, "to the preview or the areas", new DynamicStateInfos { { State.Previewing, "drafts exist" }, { State.ChoosingAreas, "no drafts" } })
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.Previewing)
            .Permit(Trigger.Edit, State.Writing)
            .Permit(Trigger.AddAreas, State.ChoosingAreas)
            .Permit(Trigger.Back, State.ChoosingAreas)
            .Permit(Trigger.Publish, State.Published)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);
        _machine.Configure(State.Cancelled)
            .OnEntry(() => _context.Reply("已退出。写好的承诺草稿已保存（尚未发布），发送 /pledge 可继续修改或发布。", "Left. Your drafts are saved (not published); send /pledge to edit or publish them."));
        _machine.Configure(State.TimedOut)
            .OnEntry(() => _context.Reply("公开承诺长时间未操作，已自动退出；草稿已保存，发送 /pledge 继续。", "The pledge was idle and closed; drafts are saved. Send /pledge to continue."));
        _machine.OnUnhandledTrigger((_, _) =>
        {
            _context.Reply("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
            Reprompt();
        });
    }

    private async Task FireAndPromptAsync(Trigger trigger)
    {
        await _machine.FireAsync(trigger);
        Reprompt();
    }

    private List<string> List(string key) => [.. (Data.GetValueOrDefault(key) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private void SetList(string key, IEnumerable<string> values) => Data[key] = string.Join(',', values);
}
