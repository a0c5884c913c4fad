using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using Stateless;

namespace CampaignBot.Core.Features.Registration;

/// <summary>
/// Registration: an invite code binds the member to a unit and a role; then name, rank, confirmation.
/// The invite is redeemed only on confirmation, and redeeming is idempotent per member. A personal invite (from a member
/// import) fixes the name and rank, so its holder goes from the code straight to confirming what the unit's list says.
/// </summary>
public sealed class RegistrationFlow : IConversationFlow
{
    public const int MaxNameLength = 20;
    private const int MaxCodeLength = 32;

    private readonly FlowContext _context;
    private readonly IInviteStore _invites;
    private readonly IMemberStore _members;
    private readonly string _flowName;
    private readonly StateMachine<State, Trigger> _machine;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _codeAccepted;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _personalCodeAccepted;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _nameGiven;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _rankChosen;

    public RegistrationFlow(FlowContext context, IInviteStore invites, IMemberStore members, string flowName)
    {
        _context = context;
        _invites = invites;
        _members = members;
        _flowName = flowName;
        _machine = FlowGraph.MachineOver<State, Trigger>(context.Session, State.AwaitingCode);
        _codeAccepted = _machine.SetTriggerParameters<string>(Trigger.CodeAccepted);
        _personalCodeAccepted = _machine.SetTriggerParameters<string>(Trigger.PersonalCodeAccepted);
        _nameGiven = _machine.SetTriggerParameters<string>(Trigger.NameGiven);
        _rankChosen = _machine.SetTriggerParameters<string>(Trigger.RankChosen);
        Configure();
    }

    private enum State
    {
        AwaitingCode,
        AwaitingName,
        AwaitingRank,
        AwaitingConfirmation,
        Registered,
        Cancelled,
        TimedOut,
    }

    private enum Trigger
    {
        CodeAccepted,
        PersonalCodeAccepted,
        NameGiven,
        RankChosen,
        Confirm,
        CodeNoLongerValid,
        Back,
        Cancel,
        Timeout,
    }

    public bool IsFinished => _machine.State is State.Registered or State.Cancelled or State.TimedOut;

    public bool CanGoBack => _machine.CanFire(Trigger.Back);

    private Dictionary<string, string> Data => _context.Session.Data;

    /// <summary>Whether the code was a personal one whose name and rank the member does not choose.</summary>
    private bool Personal => Data.ContainsKey("personal");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_context.Member is { } member)
        {
            var unit = _context.Campaign.FindUnit(member.UnitId)?.Name ?? member.UnitId;
            _context.Reply($"你已注册：{member.Name}（{unit}）。发送 /me 查看资料。", $"You are already registered: {member.Name} ({unit}). Send /me to see your profile.");
            _context.Session.State = nameof(State.Registered);
            return Task.CompletedTask;
        }

        _context.Reply("欢迎参加党的群众路线教育实践活动！下面用几步完成注册，随时可发送 /back 返回上一步、/cancel 取消。", "Welcome to the mass line education and practice campaign! Registration takes a few steps; send /back to go back or /cancel to stop at any time.");
        _context.Session.State = nameof(State.AwaitingCode);
        Reprompt();
        return Task.CompletedTask;
    }

    public Task HandleInputAsync(string input, CancellationToken cancellationToken) => _machine.State switch
    {
        State.AwaitingCode => AcceptCodeAsync(input, cancellationToken),
        State.AwaitingName => AcceptNameAsync(input),
        State.AwaitingRank => AcceptRankAsync(input),
        State.AwaitingConfirmation => AcceptConfirmationAsync(input, cancellationToken),
        _ => Task.CompletedTask,
    };

    public Task BackAsync(CancellationToken cancellationToken) => FlowGraph.TryGoBackAsync(_machine, Trigger.Back, _context, Reprompt);

    public Task CancelAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Cancel);

    public Task TimeoutAsync(CancellationToken cancellationToken) => _machine.FireAsync(Trigger.Timeout);

    public void Reprompt()
    {
        _context.Session.PromptToken = _context.NewPromptToken();
        switch (_machine.State)
        {
            case State.AwaitingCode:
                _context.Reply("第 1 步：请输入单位发给你的邀请码。", "Step 1: enter the invite code your unit gave you.");
                break;
            case State.AwaitingName:
                _context.Reply($"第 2 步：请输入你的姓名（不超过 {MaxNameLength} 个字）。", $"Step 2: enter your name (at most {MaxNameLength} characters).");
                break;
            case State.AwaitingRank:
                _context.Reply("第 3 步：请选择你的职级。", "Step 3: choose your rank.", RankButtons());
                break;
            case State.AwaitingConfirmation:
                var unit = _context.Campaign.FindUnit(Data.GetValueOrDefault("unit", string.Empty))?.Name ?? "?";
                var rank = _context.Campaign.FindRank(Data.GetValueOrDefault("rank", string.Empty))?.Name ?? "?";
                _context.Reply(
                    Personal
                    ? $"请确认单位名单中的信息（如有不对请联系支部书记）。\n姓名：{Data.GetValueOrDefault("name")}\n单位：{unit}\n职级：{rank}"
                    : $"第 4 步：请确认注册信息。\n姓名：{Data.GetValueOrDefault("name")}\n单位：{unit}\n职级：{rank}",
                    Personal
                    ? $"Please confirm what your unit's list says (if something is wrong, tell your secretary).\nName: {Data.GetValueOrDefault("name")}\nUnit: {unit}\nRank: {rank}"
                    : $"Step 4: please confirm.\nName: {Data.GetValueOrDefault("name")}\nUnit: {unit}\nRank: {rank}",
                    [[Button(_context.Text("确认", "Confirm"), "ok"), Button(_context.Text("修改", "Change"), "back")]]);
                break;
        }
    }

    public string ExportGraph() => FlowGraph.Export(_machine);

    private void Configure()
    {
        _machine.Configure(State.AwaitingCode)
            .Permit(Trigger.CodeAccepted, State.AwaitingName)
            .Permit(Trigger.PersonalCodeAccepted, State.AwaitingConfirmation)
            .PermitReentry(Trigger.CodeNoLongerValid)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut)
            .OnEntry(Reprompt);

        _machine.Configure(State.AwaitingName)
            .OnEntryFrom(_codeAccepted, code => Data["code"] = code)
            .OnEntry(Reprompt)
            .Permit(Trigger.NameGiven, State.AwaitingRank)
            .Permit(Trigger.Back, State.AwaitingCode)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);

        _machine.Configure(State.AwaitingRank)
            .OnEntryFrom(_nameGiven, name => Data["name"] = name)
            .OnEntry(Reprompt)
            .Permit(Trigger.RankChosen, State.AwaitingConfirmation)
            .Permit(Trigger.Back, State.AwaitingName)
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);

        _machine.Configure(State.AwaitingConfirmation)
            .OnEntryFrom(_rankChosen, rank => Data["rank"] = rank)
            .OnEntryFrom(_personalCodeAccepted, code => Data["code"] = code)
            .OnEntry(Reprompt)
            .Permit(Trigger.Confirm, State.Registered)
            .Permit(Trigger.CodeNoLongerValid, State.AwaitingCode)
            .PermitIf(Trigger.Back, State.AwaitingRank, () => !Personal, "chosen rank")
            .PermitIf(Trigger.Back, State.AwaitingCode, () => Personal, "personal code")
            .Permit(Trigger.Cancel, State.Cancelled)
            .Permit(Trigger.Timeout, State.TimedOut);

        _machine.Configure(State.Registered)
            .OnEntry(() => _context.Reply(
                $"注册成功！欢迎你，{Data.GetValueOrDefault("name")}。发送 /me 查看资料，/help 查看可用命令。",
                $"You are registered. Welcome, {Data.GetValueOrDefault("name")}! Send /me for your profile, /help for the commands."));

        _machine.Configure(State.Cancelled)
            .OnEntry(() => _context.Reply("已取消注册，填写的信息未保存。需要时发送 /start 重新开始。", "Registration cancelled; nothing was saved. Send /start to begin again."));

        _machine.Configure(State.TimedOut)
            .OnEntry(() => _context.Reply("注册长时间未完成，已自动退出。需要时发送 /start 重新开始。", "Registration timed out. Send /start to begin again."));

        _machine.OnUnhandledTrigger((state, trigger) =>
        {
            _context.Reply("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
            Reprompt();
        });
    }

    private async Task AcceptCodeAsync(string input, CancellationToken cancellationToken)
    {
        var code = input.Trim().ToUpperInvariant();
        var invite = code.Length is > 0 and <= MaxCodeLength ? await _invites.GetAsync(code, cancellationToken) : null;
        var memberId = Member.IdFor(_context.Update.Chat.Channel, _context.Update.Sender.Id);
        var problem = invite switch
        {
            null => ("邀请码无效，请检查后重新输入（注意区分数字 0 和字母 O）。", "That invite code is not valid; please check it and try again."),
            { ExpiresAt: { } expires } when expires <= _context.Now => ("这个邀请码已过期，请向单位索取新的邀请码。", "This invite code has expired; ask your unit for a new one."),
            { } used when used.Uses >= used.MaxUses && !used.RedeemedBy.Contains(memberId) => ("这个邀请码的名额已用完，请向单位索取新的邀请码。", "This invite code has been used up; ask your unit for a new one."),
            { } known when _context.Campaign.FindUnit(known.UnitId) is null => ("这个邀请码对应的单位不在本次活动中，请联系活动办。", "This invite code's unit is not part of the campaign; please contact the campaign office."),
            _ => default((string, string)?),
        };
        if (problem is var (chinese, english))
        {
            _context.Reply(chinese, english);
            Reprompt();
            return;
        }

        Data["unit"] = invite!.UnitId;
        Data["role"] = invite.Role;
        Data.Remove("personal");
        if (invite is { Name: { } fixedName, Rank: { } fixedRank } && _context.Campaign.FindRank(fixedRank) is not null)
        {
            Data["name"] = fixedName;
            Data["rank"] = fixedRank;
            Data["personal"] = "1";
            await _machine.FireAsync(_personalCodeAccepted, code);
            return;
        }

        await _machine.FireAsync(_codeAccepted, code);
    }

    private Task AcceptNameAsync(string input)
    {
        var name = input.Trim();
        var problem = name switch
        {
            "" => ("姓名不能为空，请输入你的姓名。", "The name can't be empty; please enter your name."),
            { Length: > MaxNameLength } => ($"姓名太长了（不超过 {MaxNameLength} 个字），请重新输入。", $"That name is too long (at most {MaxNameLength} characters); please enter it again."),
            _ when name.Any(char.IsControl) || name.StartsWith('/') => ("姓名里有不能使用的字符，请重新输入。", "The name contains characters that can't be used; please enter it again."),
            _ => default((string, string)?),
        };
        if (problem is var (chinese, english))
        {
            _context.Reply(chinese, english);
            Reprompt();
            return Task.CompletedTask;
        }

        return _machine.FireAsync(_nameGiven, name);
    }

    private Task AcceptRankAsync(string input)
    {
        var ranks = _context.Campaign.Ranks;
        var index = input.StartsWith("rank", StringComparison.Ordinal) && int.TryParse(input.AsSpan(4), out var i) ? i : -1;
        var rank = index >= 0 && index < ranks.Count
            ? ranks[index]
            : ranks.FirstOrDefault(r => r.Name == input || r.Code.Equals(input, StringComparison.OrdinalIgnoreCase));
        if (rank is null)
        {
            _context.Reply("请点击下面的按钮选择职级。", "Please choose your rank with the buttons below.");
            Reprompt();
            return Task.CompletedTask;
        }

        return _machine.FireAsync(_rankChosen, rank.Code);
    }

    private async Task AcceptConfirmationAsync(string input, CancellationToken cancellationToken)
    {
        if (input is "back" or "修改" or "change")
        {
            await _machine.FireAsync(Trigger.Back);
            return;
        }

        if (input is not ("ok" or "确认" or "是" or "confirm" or "yes"))
        {
            _context.Reply("请点击“确认”完成注册，或点击“修改”返回上一步。", "Press \"Confirm\" to finish, or \"Change\" to go back.");
            Reprompt();
            return;
        }

        var channel = _context.Update.Chat.Channel;
        var memberId = Member.IdFor(channel, _context.Update.Sender.Id);
        var result = await _invites.RedeemAsync(Data["code"], memberId, _context.Now, cancellationToken);
        if (result is not (RedeemResult.Redeemed or RedeemResult.AlreadyRedeemedByThisMember))
        {
            _context.Reply("抱歉，邀请码在此期间已失效或名额已满，请重新输入邀请码。", "Sorry, the invite code is no longer valid; please enter a code again.");
            await _machine.FireAsync(Trigger.CodeNoLongerValid);
            return;
        }

        var member = new Member
        {
            Id = memberId,
            Channel = channel,
            UserId = _context.Update.Sender.Id,
            Name = Data["name"],
            Rank = Data["rank"],
            UnitId = Data["unit"],
            Role = Data["role"],
            LanguageCode = _context.Update.Sender.LanguageCode,
            RegisteredAt = _context.Now,
        };
        await _members.UpsertAsync(member, cancellationToken);
        _context.Member = member;
        await _machine.FireAsync(Trigger.Confirm);
    }

    private IReadOnlyList<IReadOnlyList<Button>> RankButtons() =>
        _context.Campaign.Ranks.Select((rank, index) => (IReadOnlyList<Button>)[Button(rank.Name, $"rank{index}")]).ToList();

    private Button Button(string label, string value) =>
        new(label, new ButtonPayload(_flowName, _context.Session.PromptToken ?? "-", value).ToString());
}
