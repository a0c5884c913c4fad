namespace CampaignBot.Core.Features.Help;

/// <summary>
/// /help: what this person can do in this chat — by role and rank, registered or not; in a group only the few
/// commands that work there, nothing about registration. A list too long for a phone (a secretary's, the office's)
/// is shown a line per section; "/help 整改" shows one section's commands with their descriptions, "/help 全部" all.
/// </summary>
public sealed class HelpCommand(IEnumerable<ICommandAudienceCheck> audiences, IEnumerable<ICommandAvailability> availability) : ICommandHandler
{
    /// <summary>Up to this many commands, /help lists each with its description; above it, a line per section.</summary>
    public const int FullListUpTo = 15;

    private static readonly string[] WholeList = ["全部", "所有", "all"];

    private readonly IReadOnlyList<ICommandAudienceCheck> _audiences = [.. audiences];
    private readonly IReadOnlyList<ICommandAvailability> _availability = [.. availability];

    public HelpCommand()
        : this([], [])
    {
    }

    public string Command => "help";

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Member is { IsActive: true } active ? active : null;
        var inGroup = context.Update.Chat.Kind == ChatKind.Group;
        var commands = await CommandsForAsync(context, member, inGroup, cancellationToken);
        if (inGroup)
        {
            context.Reply(new TextMessage(GroupHelp(context, commands, member)));
            return;
        }

        if (context.Member is { IsActive: false })
        {
            context.Reply(HelpTexts.Deactivated);
            return;
        }

        var word = context.Update.Content is CommandInput { Arguments: var a } ? a.Trim() : string.Empty;
        var text = new StringBuilder();
        if (word.Length == 0)
        {
            AppendOverview(text, context, commands, member);
        }
        else if (WholeList.Contains(word, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(context.Text(HelpTexts.Heading)).Append('\n');
            AppendCommands(text, commands, context.Language, member);
            AppendFooter(text, context, member);
        }
        else if (CommandSection.All.FirstOrDefault(s => s.IsNamedBy(word, commands)) is { } section
                 && commands.Where(c => c.Section == section).ToList() is { Count: > 0 } inSection)
        {
            text.Append(context.Text(HelpTexts.SectionHeading(context.Text(section.Name)))).Append('\n');
            AppendCommands(text, inSection, context.Language, member);
            if (section == CommandSection.People)
            {
                AppendFooter(text, context, member);
                text.Append('\n');
            }

            text.Append(context.Text(HelpTexts.BackToSections));
        }
        else
        {
            text.Append(context.Text(HelpTexts.NoSuchSection(Shorten(word)))).Append('\n');
            AppendOverview(text, context, commands, member);
        }

        context.Reply(new TextMessage(text.ToString().TrimEnd()));
    }

    /// <summary>The commands this person may use here, in section order (catalog order within a section).</summary>
    private async Task<List<BotCommand>> CommandsForAsync(FlowContext context, Member? member, bool inGroup, CancellationToken cancellationToken)
    {
        var widened = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in _audiences.Select(a => a.Command).Distinct(StringComparer.Ordinal))
        {
            if (await _audiences.IncludeAsync(command, member, cancellationToken))
            {
                widened.Add(command);
            }
        }

        return [.. CommandCatalog.All
            .Where(c => c.Name != "help")
            .Where(c => (c.IsFor(member, context.Campaign) || widened.Contains(c.Name)) && (!inGroup || c.InGroups))
            .Where(c => _availability.All(a => a.Command != c.Name || a.IsAvailable))
            .OrderBy(c => IndexOf(c.Section))];
    }

    private static int IndexOf(CommandSection section)
    {
        for (var i = 0; i < CommandSection.All.Count; i++)
        {
            if (CommandSection.All[i] == section)
            {
                return i;
            }
        }

        return CommandSection.All.Count;
    }

    private static string GroupHelp(FlowContext context, IReadOnlyList<BotCommand> commands, Member? member)
    {
        var text = new StringBuilder();
        if (commands.Count > 0)
        {
            text.Append(context.Text(HelpTexts.GroupHeading)).Append('\n');
            AppendCommands(text, commands, context.Language, member);
        }

        return text.Append(context.Text(HelpTexts.GroupMore)).ToString();
    }

    /// <summary>The whole list with descriptions when it is short; otherwise a line per section and how to see one.</summary>
    private static void AppendOverview(StringBuilder text, FlowContext context, IReadOnlyList<BotCommand> commands, Member? member)
    {
        text.Append(context.Text(HelpTexts.Heading)).Append('\n');
        if (commands.Count <= FullListUpTo)
        {
            AppendCommands(text, commands, context.Language, member);
        }
        else
        {
            foreach (var section in commands.GroupBy(c => c.Section))
            {
                var names = string.Join(' ', section.Select(c => "/" + c.Name));
                text.Append(context.Text(HelpTexts.SectionLine(context.Text(section.Key.Name), names))).Append('\n');
            }

            text.Append(context.Text(HelpTexts.SectionsHint)).Append('\n');
        }

        AppendFooter(text, context, member);
    }

    private static void AppendFooter(StringBuilder text, FlowContext context, Member? member)
    {
        if (member is null)
        {
            text.Append(context.Text(HelpTexts.Unregistered));
        }
        else if (member.Role == Roles.CampaignOffice)
        {
            text.Append(context.Text(HelpTexts.Invites));
        }
    }

    private static void AppendCommands(StringBuilder text, IEnumerable<BotCommand> commands, Language language, Member? member)
    {
        foreach (var command in commands)
        {
            text.Append('/').Append(command.Name).Append(" — ").Append(command.Describe(language, member)).Append('\n');
        }
    }

    /// <summary>What the person typed, short enough to quote back.</summary>
    private static string Shorten(string word) => word.Length <= 20 ? word : word[..20] + "…";
}
