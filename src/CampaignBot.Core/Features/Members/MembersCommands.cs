namespace CampaignBot.Core.Features.Members;

/// <summary>/members [unit]: the office sees any unit (without one, the count per unit), a secretary their own unit.</summary>
public sealed class MembersCommand(IMemberStore members) : ICommandHandler
{
    public const int MaxListed = 60;

    private static readonly UnitScopeRefusals Refusals = new(MembersTexts.OwnUnitOnly, MembersTexts.OnlyManagers, MembersTexts.NoSuchUnit, EchoLength: 40);

    public string Command => "members";

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asked = context.Update.Content is CommandInput { Arguments: var args } ? args.Trim() : string.Empty;
        if (!UnitScope.TryPick(context, asked, m => m.Role == Roles.CampaignOffice, Refusals, out var unitId))
        {
            return;
        }

        var listed = await members.ListAsync(unitId, cancellationToken);
        context.Reply(new TextMessage(unitId is null ? CountsPerUnit(context, listed) : List(context, unitId, listed)));
    }

    private static string CountsPerUnit(FlowContext context, IReadOnlyList<Member> all)
    {
        var text = new StringBuilder(context.Text(MembersTexts.OfficeUnitsHeading));
        foreach (var unit in context.Campaign.Units)
        {
            var inUnit = all.Where(m => m.UnitId == unit.Id).ToList();
            var inactive = inUnit.Count(m => !m.IsActive);
            text.Append('\n').Append(context.Text(MembersTexts.OfficeUnitLine(unit.Id, unit.Name, inUnit.Count)))
                .Append(inactive > 0 ? context.Text(MembersTexts.DeactivatedCount(inactive)) : string.Empty);
        }

        return text.ToString();
    }

    private static string List(FlowContext context, string unitId, IReadOnlyList<Member> listed)
    {
        var unit = context.Campaign.FindUnit(unitId)?.NameIn(context.Language) ?? unitId;
        var text = new StringBuilder(context.Text(MembersTexts.ListHeading(unit, listed.Count, listed.Count(m => !m.IsActive))));
        foreach (var member in listed.OrderBy(m => !m.IsActive).ThenBy(m => m.Id, StringComparer.Ordinal).Take(MaxListed))
        {
            var rank = context.Campaign.FindRank(member.Rank)?.NameIn(context.Language) ?? member.Rank;
            var role = context.Campaign.FindRole(member.Role)?.NameIn(context.Language) ?? member.Role;
            text.Append('\n').Append(MemberChanges.Reference(member, context.Update.Chat.Channel)).Append("  ").Append(member.Name)
                .Append(" · ").Append(rank).Append(" · ").Append(role)
                .Append(member.IsActive ? string.Empty : context.Text(MembersTexts.DeactivatedMark));
        }

        if (listed.Count > MaxListed)
        {
            text.Append('\n').Append(context.Text(MembersTexts.ListMore(listed.Count - MaxListed)));
        }

        return text.Append('\n').Append(context.Text(MembersTexts.ListHint)).ToString();
    }
}

/// <summary>/member &lt;id&gt; [name|rank|unit &lt;value&gt; | deactivate | activate]: one member's details, or a change to them.</summary>
public sealed class MemberCommand(IMemberStore members) : ManagersCommand
{
    public override string Command => "member";

    protected override async Task HandleAsync(FlowContext context, Member actor, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            context.Reply(MembersTexts.MemberUsage);
            return;
        }

        var target = await MemberChanges.FindAsync(members, words[0], context.Update.Chat.Channel, cancellationToken);
        if (target is null)
        {
            context.Reply(MembersTexts.NoSuchMember(words[0].Length > 40 ? words[0][..40] : words[0]));
            return;
        }

        if (words.Length == 1)
        {
            var shown = MemberChanges.Describe(target, context.Campaign, context.Language) + (target.IsActive ? string.Empty : context.Text(MembersTexts.DeactivatedMark));
            context.Reply(MemberChanges.Forbidden(actor, target, new MemberChange.Rename(target.Name)) ?? new Text(shown, shown));
            return;
        }

        if (MemberChanges.Parse(words[1], words.Length > 2 ? words[2] : string.Empty) is not { } change)
        {
            context.Reply(MembersTexts.MemberUsage);
            return;
        }

        if (MemberChanges.Forbidden(actor, target, change) is { } refusal)
        {
            context.Reply(refusal);
            return;
        }

        var (changed, problem) = MemberChanges.Apply(target, change, context.Campaign, context.Now);
        if (changed is null)
        {
            context.Reply(problem!);
            return;
        }

        if (changed == target)
        {
            context.Reply(MembersTexts.Unchanged(target.Name));
            return;
        }

        await members.UpsertAsync(changed, cancellationToken);
        context.Reply(change switch
        {
            MemberChange.Deactivate => MembersTexts.DeactivatedDone(changed.Name),
            MemberChange.Activate => MembersTexts.ActivatedDone(changed.Name),
            _ => MembersTexts.Changed(MemberChanges.Describe(changed, context.Campaign, context.Language)),
        });
    }
}

/// <summary>/invite revoke &lt;code&gt;: the office revokes any code, a secretary the codes of their unit.</summary>
public sealed class InviteChatCommand(IInviteStore invites) : ManagersCommand
{
    public override string Command => "invite";

    protected override async Task HandleAsync(FlowContext context, Member actor, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not ["revoke", var given])
        {
            context.Reply(MembersTexts.InviteUsage);
            return;
        }

        var code = given.Trim().ToUpperInvariant();
        code = code.Length > 16 ? code[..16] : code;
        var invite = await invites.GetAsync(code, cancellationToken);
        if (invite is not null && actor.Role == Roles.Secretary && invite.UnitId != actor.UnitId)
        {
            context.Reply(MembersTexts.InviteOtherUnit(code));
            return;
        }

        context.Reply(invite is not null && await invites.RevokeAsync(code, context.Now, cancellationToken)
            ? MembersTexts.InviteRevoked(code)
            : MembersTexts.InviteNotRevoked(code));
    }
}

/// <summary>A command for the office and secretaries only (/member, /invite): anyone else is refused before it reads anything.</summary>
public abstract class ManagersCommand : ICommandHandler
{
    public abstract string Command { get; }

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Member is not { Role: Roles.CampaignOffice or Roles.Secretary } actor)
        {
            context.Reply(MembersTexts.OnlyManagers);
            return Task.CompletedTask;
        }

        var arguments = context.Update.Content is CommandInput { Arguments: var a } ? a : string.Empty;
        return HandleAsync(context, actor, arguments, cancellationToken);
    }

    /// <summary>Handles the command for a member of the office or a secretary; <paramref name="arguments"/> is what follows it.</summary>
    protected abstract Task HandleAsync(FlowContext context, Member actor, string arguments, CancellationToken cancellationToken);
}
