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

/// <summary>
/// A part of /help: the commands of one kind of work. When a person's whole list is too long for a phone, /help shows
/// one line per section and "/help &lt;section&gt;" the section's commands with their descriptions.
/// </summary>
public sealed record CommandSection(string Key, Text Name)
{
    public static readonly CommandSection Yours = new("me", CommandTexts.SectionYours);
    public static readonly CommandSection Study = new("study", CommandTexts.SectionStudy);
    public static readonly CommandSection Examinations = new("examine", CommandTexts.SectionExaminations);
    public static readonly CommandSection Evaluations = new("evaluate", CommandTexts.SectionEvaluations);
    public static readonly CommandSection Ledger = new("ledger", CommandTexts.SectionLedger);
    public static readonly CommandSection Progress = new("progress", CommandTexts.SectionProgress);
    public static readonly CommandSection People = new("people", CommandTexts.SectionPeople);
    public static readonly CommandSection Oversight = new("oversight", CommandTexts.SectionOversight);
    public static readonly CommandSection Steps = new("steps", CommandTexts.SectionSteps);

    public static IReadOnlyList<CommandSection> All { get; } = [Yours, Study, Examinations, Evaluations, Ledger, Progress, People, Oversight, Steps];

    /// <summary>
    /// Whether a word typed after /help names this section: its key, a part of its Chinese name ("整改" for 意见整改),
    /// a word of four letters or more of its English name, or one of its commands (with or without the slash).
    /// </summary>
    public bool IsNamedBy(string word, IEnumerable<BotCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(commands);
        var wanted = word.Trim().TrimStart('/');
        if (wanted.Length == 0)
        {
            return false;
        }

        return string.Equals(wanted, Key, StringComparison.OrdinalIgnoreCase)
            || (wanted.Length >= 2 && Name.Chinese.Contains(wanted, StringComparison.Ordinal))
            || (wanted.Length >= 4 && Name.English.Split(' ').Any(w => string.Equals(w, wanted, StringComparison.OrdinalIgnoreCase)))
            || commands.Any(c => c.Section == this && string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A command people can type, with the one-line description a channel's menu shows (its wording: commands.texts).</summary>
public sealed record BotCommand(string Name, Text Description)
{
    public CommandAudience Audience { get; init; } = CommandAudience.Anyone;

    /// <summary>Where /help lists it when it lists by section.</summary>
    public CommandSection Section { get; init; } = CommandSection.Yours;

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
        new("study", CommandTexts.Study) { Audience = CommandAudience.Members, Section = CommandSection.Study },
        new("research", CommandTexts.Research) { Audience = CommandAudience.Leaders, Section = CommandSection.Study },
        new("visits", CommandTexts.Visits) { Audience = CommandAudience.Leaders, Section = CommandSection.Study },
        new("remind", CommandTexts.Remind) { Audience = CommandAudience.Members },
        new("cancel", CommandTexts.Cancel) { Section = CommandSection.Steps },
        new("back", CommandTexts.Back) { Section = CommandSection.Steps },
        new("examine", CommandTexts.Examine) { Audience = CommandAudience.Members, Section = CommandSection.Examinations },
        new("review", CommandTexts.Review) { Audience = CommandAudience.Reviewers, Section = CommandSection.Examinations },
        new("pledge", CommandTexts.Pledge) { Audience = CommandAudience.Members, Section = CommandSection.Examinations },
        new("checkin", CommandTexts.Checkin) { Audience = CommandAudience.Members, Section = CommandSection.Examinations },
        new("progress", CommandTexts.Progress) { Audience = CommandAudience.Reviewers, Section = CommandSection.Progress },
        new("todo", CommandTexts.Todo) { Audience = CommandAudience.Managers, Section = CommandSection.Progress },
        new("export", CommandTexts.Export) { Audience = CommandAudience.Reviewers, Section = CommandSection.Progress },
        new("members", CommandTexts.Members) { Audience = CommandAudience.Managers, Section = CommandSection.People },
        new("member", CommandTexts.Member) { Audience = CommandAudience.Managers, Section = CommandSection.People },
        new("invite", CommandTexts.Invite) { Audience = CommandAudience.Managers, Section = CommandSection.People },
        new("link", CommandTexts.Link) { Audience = CommandAudience.Managers, InGroups = true, Section = CommandSection.People },
        new("dashboard", CommandTexts.Dashboard) { Audience = CommandAudience.Reviewers, Section = CommandSection.Progress },
        new("vote", CommandTexts.Vote) { Section = CommandSection.Evaluations },
        new("results", CommandTexts.Results) { Audience = CommandAudience.Reviewers, Section = CommandSection.Evaluations },
        new("round", CommandTexts.Round) { Audience = CommandAudience.Office, InGroups = true, Section = CommandSection.Evaluations },
        new("opinion", CommandTexts.Opinion) { Audience = CommandAudience.Anyone, Section = CommandSection.Ledger },
        new("opinions", CommandTexts.Opinions) { Audience = CommandAudience.Reviewers, Section = CommandSection.Ledger },
        new("ledger", CommandTexts.Ledger) { Audience = CommandAudience.Members, ForReviewers = CommandTexts.LedgerForReviewers, Section = CommandSection.Ledger },
        new("dispatch", CommandTexts.Dispatch) { Audience = CommandAudience.Secretaries, Section = CommandSection.Ledger },
        new("bulletin", CommandTexts.Bulletin) { Audience = CommandAudience.Office, Section = CommandSection.Progress },
        new("meeting", CommandTexts.Meeting) { Audience = CommandAudience.Reviewers, Section = CommandSection.Oversight },
        new("criticise", CommandTexts.Criticise) { Audience = CommandAudience.Named, Section = CommandSection.Oversight },
        new("inspect", CommandTexts.Inspect) { Audience = CommandAudience.Inspectors, Section = CommandSection.Oversight },
        new("handling", CommandTexts.Handling) { Audience = CommandAudience.Office, Section = CommandSection.Oversight },
        new("contact", CommandTexts.Contact) { Audience = CommandAudience.Office, Section = CommandSection.Oversight },
    ];
}
