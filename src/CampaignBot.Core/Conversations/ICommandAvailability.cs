namespace CampaignBot.Core.Conversations;

/// <summary>
/// Whether a command can do its work in this running service at all (the web dashboard runs only where a web host
/// does): /help leaves out a command that cannot, so it never offers what would only answer "not running".
/// </summary>
public interface ICommandAvailability
{
    /// <summary>The command (as in <see cref="CommandCatalog"/>) this check is about.</summary>
    string Command { get; }

    bool IsAvailable { get; }
}
