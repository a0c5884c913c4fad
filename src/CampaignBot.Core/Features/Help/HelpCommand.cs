namespace CampaignBot.Core.Features.Help;

/// <summary>
/// /help: what this person can do in this chat — by role and rank, registered or not; in a group only the few
/// commands that work there, nothing about registration.
/// </summary>
public sealed class HelpCommand(IEnumerable<ICommandAudienceCheck> audiences, IEnumerable<ICommandAvailability> availability) : ICommandHandler
{
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
        var widened = new HashSet<string>(StringComparer.Ordinal);
        foreach (var audience in _audiences)
        {
            if (member is not null && await audience.IncludesAsync(member, cancellationToken))
            {
                widened.Add(audience.Command);
            }
        }

        var commands = CommandCatalog.All
            .Where(c => (c.IsFor(member, context.Campaign) || widened.Contains(c.Name)) && (!inGroup || c.InGroups))
            .Where(c => !inGroup || c.Name != "help")
            .Where(c => _availability.All(a => a.Command != c.Name || a.IsAvailable))
            .ToList();

        var text = new StringBuilder();
        if (inGroup)
        {
            if (commands.Count > 0)
            {
                text.Append(context.Text(HelpTexts.GroupHeading)).Append('\n');
                AppendCommands(text, commands, context.Language, member);
            }

            text.Append(context.Text(HelpTexts.GroupMore));
            context.Reply(new TextMessage(text.ToString()));
            return;
        }

        if (context.Member is { IsActive: false })
        {
            context.Reply(HelpTexts.Deactivated);
            return;
        }

        text.Append(context.Text(HelpTexts.Heading)).Append('\n');
        AppendCommands(text, commands, context.Language, member);
        if (member is null)
        {
            text.Append(context.Text(HelpTexts.Unregistered));
        }
        else if (member.Role == Roles.CampaignOffice)
        {
            text.Append(context.Text(HelpTexts.Invites));
        }

        context.Reply(new TextMessage(text.ToString().TrimEnd()));
    }

    private static void AppendCommands(StringBuilder text, IEnumerable<BotCommand> commands, Language language, Member? member)
    {
        foreach (var command in commands)
        {
            text.Append('/').Append(command.Name).Append(" — ").Append(command.Describe(language, member)).Append('\n');
        }
    }
}
