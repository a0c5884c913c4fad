namespace CampaignBot.Core.Conversations;

/// <summary>Whom a command is for, so /help lists only what the asker can do.</summary>
public enum CommandAudience
{
    Anyone,

    /// <summary>People who have not registered (the masses, newcomers).</summary>
    Unregistered,

    /// <summary>Every registered member.</summary>
    Members,

    /// <summary>Members whose rank sets field-research or household-visit minimums.</summary>
    Leaders,

    /// <summary>Secretaries, supervisors and the campaign office.</summary>
    Reviewers,

    /// <summary>Secretaries and the campaign office: they manage a unit's people and groups.</summary>
    Managers,

    /// <summary>Branch secretaries only (they answer the monthly dispatch for their unit).</summary>
    Secretaries,

    Office,

    /// <summary>The campaign office and the supervision groups: they inspect units (随机调研).</summary>
    Inspectors,

    /// <summary>Nobody by role: only the people a feature's <see cref="ICommandAudienceCheck"/> names (a meeting's team).</summary>
    Named,
}

/// <summary>A command people can type, with the one-line description a channel's menu shows (its wording: commands.texts).</summary>
public sealed record BotCommand(string Name, Text Description)
{
    public CommandAudience Audience { get; init; } = CommandAudience.Anyone;

    /// <summary>True for commands that do something in a group chat (the rest answer there only with a pointer to the private chat).</summary>
    public bool InGroups { get; init; }

    /// <summary>
    /// What the command offers those who manage a unit (secretaries, supervisors, the office) when that is more than a
    /// member can do with it; /help shows it to them instead of the members' line.
    /// </summary>
    public Text? ForReviewers { get; init; }

    public string Describe(Language language) => Description.In(language);

    /// <summary>The line /help shows this person: the reviewers' wording where the command has one and they are a reviewer.</summary>
    public string Describe(Language language, Member? member) =>
        ForReviewers is { } wider && IsReviewer(member) ? wider.In(language) : Describe(language);

    /// <summary>Secretaries, supervisors and the office: those who manage a unit's examinations, opinions and ledger.</summary>
    private static bool IsReviewer(Member? member) => member?.Role is Roles.Secretary or Roles.Supervisor or Roles.CampaignOffice;

    /// <summary>Whether this person can use the command.</summary>
    public bool IsFor(Member? member, CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return Audience switch
        {
            CommandAudience.Anyone => true,
            CommandAudience.Unregistered => member is null,
            CommandAudience.Members => member is not null,
            CommandAudience.Leaders => member is not null && campaign.FindRank(member.Rank) is { } rank
                && (rank.FieldResearchDays is > 0 || rank.HouseholdVisits is > 0),
            CommandAudience.Reviewers => IsReviewer(member),
            CommandAudience.Managers => member?.Role is Roles.Secretary or Roles.CampaignOffice,
            CommandAudience.Secretaries => member?.Role is Roles.Secretary,
            CommandAudience.Office => member?.Role is Roles.CampaignOffice,
            CommandAudience.Inspectors => member?.Role is Roles.CampaignOffice or Roles.Supervisor,
            _ => false,
        };
    }
}

/// <summary>The commands offered in channel menus (Telegram's setMyCommands, WeCom's app menu) and listed by /help.</summary>
public static class CommandCatalog
{
    public static readonly IReadOnlyList<BotCommand> All =
    [
        new("start", CommandTexts.Start) { Audience = CommandAudience.Unregistered },
        new("me", CommandTexts.Me) { Audience = CommandAudience.Members },
        new("help", CommandTexts.Help) { InGroups = true },
        new("study", CommandTexts.Study) { Audience = CommandAudience.Members },
        new("research", CommandTexts.Research) { Audience = CommandAudience.Leaders },
        new("visits", CommandTexts.Visits) { Audience = CommandAudience.Leaders },
        new("remind", CommandTexts.Remind) { Audience = CommandAudience.Members },
        new("cancel", CommandTexts.Cancel),
        new("back", CommandTexts.Back),
        new("examine", CommandTexts.Examine) { Audience = CommandAudience.Members },
        new("review", CommandTexts.Review) { Audience = CommandAudience.Reviewers },
        new("pledge", CommandTexts.Pledge) { Audience = CommandAudience.Members },
        new("checkin", CommandTexts.Checkin) { Audience = CommandAudience.Members },
        new("progress", CommandTexts.Progress) { Audience = CommandAudience.Reviewers },
        new("todo", CommandTexts.Todo) { Audience = CommandAudience.Managers },
        new("export", CommandTexts.Export) { Audience = CommandAudience.Reviewers },
        new("members", CommandTexts.Members) { Audience = CommandAudience.Managers },
        new("member", CommandTexts.Member) { Audience = CommandAudience.Managers },
        new("invite", CommandTexts.Invite) { Audience = CommandAudience.Managers },
        new("link", CommandTexts.Link) { Audience = CommandAudience.Managers, InGroups = true },
        new("dashboard", CommandTexts.Dashboard) { Audience = CommandAudience.Reviewers },
        new("vote", CommandTexts.Vote),
        new("results", CommandTexts.Results) { Audience = CommandAudience.Reviewers },
        new("round", CommandTexts.Round) { Audience = CommandAudience.Office, InGroups = true },
        new("opinion", CommandTexts.Opinion) { Audience = CommandAudience.Anyone },
        new("opinions", CommandTexts.Opinions) { Audience = CommandAudience.Reviewers },
        new("ledger", CommandTexts.Ledger) { Audience = CommandAudience.Members, ForReviewers = CommandTexts.LedgerForReviewers },
        new("dispatch", CommandTexts.Dispatch) { Audience = CommandAudience.Secretaries },
        new("bulletin", CommandTexts.Bulletin) { Audience = CommandAudience.Office },
        new("meeting", CommandTexts.Meeting) { Audience = CommandAudience.Reviewers },
        new("criticise", CommandTexts.Criticise) { Audience = CommandAudience.Named },
        new("inspect", CommandTexts.Inspect) { Audience = CommandAudience.Inspectors },
        new("handling", CommandTexts.Handling) { Audience = CommandAudience.Office },
        new("contact", CommandTexts.Contact) { Audience = CommandAudience.Office },
    ];
}
