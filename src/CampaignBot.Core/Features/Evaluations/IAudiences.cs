using System.Security.Cryptography;

namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// Who is asked, as evaluation rounds ask them: a unit's group chat, its roster of registered people, or a code for the
/// unregistered masses. Other features that ask the masses (opinion collections) use this port rather than a copy.
/// </summary>
public interface IAudiences
{
    /// <summary>"group"/"群", "roster"/"名单", "code"/"口令"; null for any other word.</summary>
    RoundAudience? Parse(string word);

    /// <summary>The group the command was sent in, or the unit's linked group; null when the unit has none.</summary>
    Task<ChatRef?> GroupOfAsync(FlowContext context, string unitId, CancellationToken cancellationToken);

    /// <summary>A six-character code made from <paramref name="seed"/> (an update id), so a re-run makes the same code.</summary>
    string CodeFor(string seed);

    /// <summary>The unit's registered people.</summary>
    Task<IReadOnlyList<Member>> RosterAsync(string unitId, CancellationToken cancellationToken);
}

public sealed class EvaluationAudiences(IMemberStore members, IChatStore chats) : IAudiences
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public RoundAudience? Parse(string word) => AudienceWords.Parse(word);

    public async Task<ChatRef?> GroupOfAsync(FlowContext context, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Update.Chat.Kind == ChatKind.Group)
        {
            return context.Update.Chat;
        }

        var linked = await Features.Groups.ChatLinks.FindGroupOfUnitAsync(chats, unitId, cancellationToken);
        return linked is null ? null : new ChatRef(linked.Channel, linked.ChatId, ChatKind.Group, linked.Title);
    }

    public string CodeFor(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "/code"));
        return new string([.. hash.Take(6).Select(b => CodeAlphabet[b % CodeAlphabet.Length])]);
    }

    public async Task<IReadOnlyList<Member>> RosterAsync(string unitId, CancellationToken cancellationToken) =>
        [.. (await members.ListAsync(unitId, cancellationToken).ConfigureAwait(false)).Where(m => m.IsActive)];
}
