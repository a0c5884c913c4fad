namespace CampaignBot.Core.Features.Registration;

/// <summary>What registration has gathered so far.</summary>
public sealed record RegistrationAnswers
{
    /// <summary>What the code grants; null until a valid code is given (and in a session saved before it was kept whole).</summary>
    public InviteGrant? Invite { get; init; }

    public string? Name { get; init; }

    public string? Rank { get; init; }

    /// <summary>The code was a personal one (from a member import): it fixes name and rank.</summary>
    public bool IsPersonal() => Invite?.IsPersonal == true;

    /// <summary>The ranks the code allows, in the campaign's order (all when it neither fixes nor caps).</summary>
    public IReadOnlyList<Campaign.RankDefinition> AllowedRanks(Campaign.CampaignDefinition campaign) =>
        Invite?.AllowedRanks(campaign) ?? campaign?.Ranks ?? throw new ArgumentNullException(nameof(campaign));
}

/// <summary>
/// /start: an invite code binds the member to a unit and a role; then name, rank, confirmation.
/// The invite is redeemed only on confirmation, and redeeming is idempotent per member. A personal invite (from a member
/// import) fixes the name and rank: its holder goes from the code straight to confirming what the unit's list says.
/// </summary>
public sealed class RegistrationFlow(IInviteStore invites, IMemberStore members, IHostUnits? hostUnits = null)
    : DeclaredFlow<RegistrationAnswers>("reg", "start", RegistrationTexts.Title)
{
    public const int MaxNameLength = 20;
    private const int MaxCodeLength = 32;

    protected override void Declare(FlowBuilder<RegistrationAnswers> flow)
    {
        flow.Step<Invite>("AwaitingCode", "asks for the invite code")
            .Prompt(RegistrationTexts.AskCode)
            .ReadAsync(ReadCodeAsync)
            .Keep(WithInvite)
            .Next((_, invite) => invite.IsPersonal ? "AwaitingConfirmation" : "AwaitingName", "AwaitingName", "AwaitingConfirmation");

        flow.Step<string>("AwaitingName", "asks for the member's name")
            .Prompt(RegistrationTexts.AskName(MaxNameLength))
            .Read((input, step) => step.Answers.IsPersonal() ? RegistrationTexts.FixedByTheList : ReadName(input))
            .Keep((answers, name) => answers with { Name = name })
            .Next("AwaitingRank", "NameGiven");

        flow.Step<string>("AwaitingRank", "asks for the rank, one button per rank")
            .Prompt(step => new Prompt(RegistrationTexts.AskRank, RankChoices(step)))
            .Read(ReadRank)
            .Keep((answers, rank) => answers with { Rank = rank })
            .Next("AwaitingConfirmation", "RankChosen");

        flow.Step<Member>("AwaitingConfirmation", "shows name, unit and rank to confirm or change")
            .Prompt(step => new Prompt(
                (step.Answers.IsPersonal() ? (Func<string?, Text, Text, Text>)RegistrationTexts.AskPersonalConfirmation : RegistrationTexts.AskConfirmation)(
                    step.Answers.Name,
                    step.Campaign.FindUnit(step.Answers.Invite?.UnitId ?? string.Empty).NamesOr("?"),
                    step.Campaign.FindRank(step.Answers.Rank ?? string.Empty).NamesOr("?")),
                [[new Choice(RegistrationTexts.Confirm, "ok"), new Choice(RegistrationTexts.Change, "back")]]))
            .ReadAsync(ConfirmAsync)
            .MayJumpTo("AwaitingCode", "CodeNoLongerValid")
            .Next("Registered", "Confirmed");

        flow.Finish("Registered", "welcomes the new member", step => RegistrationTexts.Registered(step.Answers.Name))
            .Cancelled(RegistrationTexts.Cancelled)
            .TimedOut(RegistrationTexts.TimedOut);
    }

    /// <summary>
    /// "/start CODE" (what a Telegram invite link sends) reads the code at once: a good one goes straight to the name (or,
    /// for a personal code, to confirming), a bad one says why above the code step. A bare /start asks for the code.
    /// </summary>
    protected override async Task<Opening<RegistrationAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Member is { } member)
        {
            return Opening<RegistrationAnswers>.Refuse(RegistrationTexts.AlreadyRegistered(member.Name, context.Campaign.FindUnit(member.UnitId).NamesOr(member.UnitId)));
        }

        if (context.Update.Content is not CommandInput { Arguments: { Length: > 0 } given } || given.Trim() is not { Length: > 0 } code)
        {
            return Opening<RegistrationAnswers>.Proceed(RegistrationTexts.Welcome);
        }

        var empty = new RegistrationAnswers();
        var read = await ReadCodeAsync(code, new FlowStep<RegistrationAnswers>(context, empty), cancellationToken).ConfigureAwait(false);
        if (read.Refusal is { } refusal)
        {
            var welcome = RegistrationTexts.Welcome;
            return Opening<RegistrationAnswers>.Proceed(welcome.Then(refusal));
        }

        var invite = read.Value!;
        return new Opening<RegistrationAnswers>(WithInvite(empty, invite), RegistrationTexts.Welcome, null)
        {
            StartAt = invite.IsPersonal ? "AwaitingConfirmation" : "AwaitingName",
        };
    }

    /// <summary>What a valid code grants; a personal code also fixes the name and rank.</summary>
    private static RegistrationAnswers WithInvite(RegistrationAnswers answers, Invite invite) => invite.IsPersonal
        ? answers with { Invite = invite.ToGrant(), Name = invite.Name, Rank = invite.Rank }
        : answers with { Invite = invite.ToGrant() };

    /// <summary>A name: not empty, at most <see cref="MaxNameLength"/> characters, no control characters, not a command.</summary>
    public static Read<string> ReadName(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Trim();
        return name switch
        {
            "" => RegistrationTexts.NameEmpty,
            { Length: > MaxNameLength } => RegistrationTexts.NameTooLong(MaxNameLength),
            _ when name.Any(char.IsControl) || name.StartsWith('/') => RegistrationTexts.NameBadCharacters,
            _ => name,
        };
    }

    /// <summary>One button per rank the invite allows (a code may fix the rank or cap it), numbered by the campaign's rank list.</summary>
    private static IReadOnlyList<IReadOnlyList<Choice>> RankChoices(FlowStep<RegistrationAnswers> step)
    {
        var allowed = step.Answers.AllowedRanks(step.Campaign);
        return step.Campaign.Ranks
            .Select((rank, index) => (rank, index))
            .Where(x => allowed.Contains(x.rank))
            .Select(x => new Choice(x.rank.Names(), $"rank{x.index}"))
            .InRows(1);
    }

    private static Read<string> ReadRank(string input, FlowStep<RegistrationAnswers> step)
    {
        if (step.Answers.IsPersonal())
        {
            return RegistrationTexts.FixedByTheList;
        }

        var ranks = step.Campaign.Ranks;
        var index = input.StartsWith("rank", StringComparison.Ordinal) && int.TryParse(input.AsSpan(4), out var i) ? i : -1;
        var rank = index >= 0 && index < ranks.Count
            ? ranks[index]
            : ranks.FirstOrDefault(r => r.IsCalled(input) || r.Code.Equals(input, StringComparison.OrdinalIgnoreCase));
        return rank switch
        {
            null => RegistrationTexts.ChooseRankWithButtons,
            _ when !step.Answers.AllowedRanks(step.Campaign).Contains(rank) => RegistrationTexts.RankNotAllowed,
            _ => rank.Code,
        };
    }

    private async Task<Read<Invite>> ReadCodeAsync(string input, FlowStep<RegistrationAnswers> step, CancellationToken cancellationToken)
    {
        var code = input.Trim().ToUpperInvariant();
        var memberId = Member.IdFor(step.Context.Update.Chat.Channel, step.Context.Update.Sender.Id);

        // Counted on the store's index: the cost does not grow with the members who used the code.
        var standing = code.Length is > 0 and <= MaxCodeLength ? await invites.GetStandingAsync(code, memberId, cancellationToken).ConfigureAwait(false) : null;
        var invite = standing?.Invite;
        return invite switch
        {
            null => RegistrationTexts.CodeInvalid,
            { RevokedAt: not null } => RegistrationTexts.CodeRevoked,
            { ExpiresAt: { } expires } when expires <= step.Now => RegistrationTexts.CodeExpired,
            _ when standing!.UsedUpFor => RegistrationTexts.CodeUsedUp,
            { } known when step.Campaign.FindUnit(known.UnitId) is null => RegistrationTexts.CodeUnitUnknown,
            _ => invite with { Code = code },
        };
    }

    private async Task<Read<Member>> ConfirmAsync(string input, FlowStep<RegistrationAnswers> step, CancellationToken cancellationToken)
    {
        if (input is "back" or "修改" or "change")
        {
            // What a personal code fixes cannot be changed here; the member may only enter another code.
            return step.Answers.IsPersonal() ? Read<Member>.Jump("AwaitingCode", RegistrationTexts.FixedByTheList) : Read<Member>.Back;
        }

        if (input is not ("ok" or "确认" or "是" or "confirm" or "yes"))
        {
            return RegistrationTexts.ConfirmOrChange;
        }

        var context = step.Context;
        var answers = step.Answers;
        if (answers.Invite is not { } invite)
        {
            // A session saved mid-registration by an older version kept no grant: the code is asked again.
            return Read<Member>.Jump("AwaitingCode", RegistrationTexts.CodeNoLongerValid);
        }

        var channel = context.Update.Chat.Channel;
        var memberId = Member.IdFor(channel, context.Update.Sender.Id);
        var result = await invites.RedeemAsync(invite.Code, memberId, context.Now, cancellationToken).ConfigureAwait(false);
        if (result is not (RedeemResult.Redeemed or RedeemResult.AlreadyRedeemedByThisMember))
        {
            return Read<Member>.Jump("AwaitingCode", RegistrationTexts.CodeNoLongerValid);
        }

        var member = new Member
        {
            Id = memberId,
            Channel = channel,
            UserId = context.Update.Sender.Id,
            Name = answers.Name!,
            Rank = answers.Rank!,
            UnitId = invite.UnitId,
            Role = invite.Role,
            LanguageCode = context.Update.Sender.LanguageCode,
            RegisteredAt = context.Now,
            HostUnitId = hostUnits is null ? null : await hostUnits.ForPersonalInviteAsync(invite.UnitId, invite.Code, cancellationToken).ConfigureAwait(false),
        };
        await members.UpsertAsync(member, cancellationToken).ConfigureAwait(false);
        context.Member = member;
        return member;
    }
}
