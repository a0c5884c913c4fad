namespace CampaignBot.Core.Features.Help;

/// <summary>
/// /help: what this person can do in this chat — by role and rank, registered or not; in a group only the few
/// commands that work there, nothing about registration.
/// </summary>
public sealed class HelpCommand : ICommandHandler
{
    public string Command => "help";

    public Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Member is { IsActive: true } active ? active : null;
        var inGroup = context.Update.Chat.Kind == ChatKind.Group;
        var commands = CommandCatalog.All
            .Where(c => c.IsFor(member, context.Campaign) && (!inGroup || c.InGroups))
            .Where(c => !inGroup || c.Name != "help")
            .ToList();

        var text = new StringBuilder();
        if (inGroup)
        {
            if (commands.Count > 0)
            {
                text.Append(context.Text(HelpTexts.GroupHeading)).Append('\n');
                AppendCommands(text, commands, context.Language);
            }

            text.Append(context.Text(HelpTexts.GroupMore));
            context.Reply(new TextMessage(text.ToString()));
            return Task.CompletedTask;
        }

        if (context.Member is { IsActive: false })
        {
            context.Reply(HelpTexts.Deactivated);
            return Task.CompletedTask;
        }

        text.Append(context.Text(HelpTexts.Heading)).Append('\n');
        AppendCommands(text, commands, context.Language);
        if (member is null)
        {
            text.Append(context.Text(HelpTexts.Unregistered));
        }
        else if (member.Role == Roles.CampaignOffice)
        {
            text.Append(context.Text(HelpTexts.Invites));
        }

        context.Reply(new TextMessage(text.ToString().TrimEnd()));
        return Task.CompletedTask;
    }

    private static void AppendCommands(StringBuilder text, IEnumerable<BotCommand> commands, Language language)
    {
        foreach (var command in commands)
        {
            text.Append('/').Append(command.Name).Append(" — ").Append(command.Describe(language)).Append('\n');
        }
    }
}
