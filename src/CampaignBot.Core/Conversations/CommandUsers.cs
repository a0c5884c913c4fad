namespace CampaignBot.Core.Conversations;

/// <summary>
/// Whom a command is for, as its <see cref="CommandCatalog"/> line says, in the one line a group reads when someone who
/// cannot use a personal command asks for it there (the router says it instead of answering privately).
/// </summary>
public static class CommandUsers
{
    /// <summary>Null when <paramref name="member"/> can use the command by its catalogue line (or it has none); otherwise whom it is for.</summary>
    public static Text? NotFor(string command, Member? member, CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandCatalog.All.FirstOrDefault(c => c.Name == command);
        return line is null || line.IsFor(member, campaign) ? null : ForWhom(line);
    }

    private static Text ForWhom(BotCommand line) => line.Audience switch
    {
        CommandAudience.Members => ConversationTexts.CommandForMembers(line.Name),
        CommandAudience.Reviewers => ConversationTexts.CommandForReviewers(line.Name),
        CommandAudience.Managers => ConversationTexts.CommandForManagers(line.Name),
        CommandAudience.Office => ConversationTexts.CommandForOffice(line.Name),
        CommandAudience.Inspectors => ConversationTexts.CommandForInspectors(line.Name),
        _ => ConversationTexts.CommandNotForYou(line.Name),
    };
}
