using Telegram.Bot.Types.Enums;

namespace CampaignBot.Telegram.Receiving;

/// <summary>What became of one Telegram update: an inbound message, nothing we handle, or something broken.</summary>
public abstract record UpdateMapping(int UpdateId)
{
    /// <summary>The update kinds <see cref="TelegramUpdateMapper"/> maps; exactly what getUpdates and setWebhook ask for.</summary>
    public static readonly IReadOnlyList<UpdateType> AllowedUpdates =
        [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.PollAnswer, UpdateType.MyChatMember];
}

public sealed record MappedUpdate(int UpdateId, Inbound Inbound) : UpdateMapping(UpdateId);

/// <summary>A well-formed update we do not handle (a sticker, a command for another bot, …).</summary>
public sealed record IgnoredUpdate(int UpdateId, string Why) : UpdateMapping(UpdateId);

/// <summary>An update missing what its kind requires; it can never be handled.</summary>
public sealed record MalformedUpdate(int UpdateId, string Why) : UpdateMapping(UpdateId);
