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

/// <summary>The features' audience checks asked together, as /help and the router's group refusal both ask them.</summary>
public static class CommandAudienceChecks
{
    /// <summary>Whether any check for <paramref name="command"/> includes <paramref name="member"/> (never someone unregistered).</summary>
    public static async Task<bool> IncludeAsync(this IEnumerable<ICommandAudienceCheck> checks, string command, Member? member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (member is null)
        {
            return false;
        }

        foreach (var check in checks.Where(c => c.Command == command))
        {
            if (await check.IncludesAsync(member, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
