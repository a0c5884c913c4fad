namespace CampaignBot.Core.Conversations;

/// <summary>
/// Widens a command's audience to people no role names, known only from a store (contact leaders): /help lists the
/// command for them too. The command still checks who may do what when it runs.
/// </summary>
public interface ICommandAudienceCheck
{
    /// <summary>The command (as in <see cref="CommandCatalog"/>) this check widens.</summary>
    string Command { get; }

    Task<bool> IncludesAsync(Member member, CancellationToken cancellationToken);
}
