using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Storage.Tests.Contract;

/// <summary>Builders for the records the contract tests store; each test makes its own.</summary>
internal static class ContractData
{
    /// <summary>Whole milliseconds only: MongoDB keeps dates to the millisecond.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static ChatRef PrivateChat(string id = "1001") => new("telegram", id, ChatKind.Private);

    public static Inbound Text(string updateId, string text, long sequence = 1, string chatId = "1001", string userId = "2002") =>
        new(updateId, sequence, PrivateChat(chatId), new UserRef(userId, "张三", "zh-hans"), new TextInput(text), T0);

    public static InboxItem InboxItem(string updateId, DateTimeOffset receivedAt, long sequence = 1, string text = "你好") =>
        Core.Storage.InboxItem.From(Text(updateId, text, sequence), receivedAt);

    public static OutboxMessage Outbox(string id, DateTimeOffset createdAt, string text = "请完成本周学习记录。") =>
        OutboxMessage.Create(id, PrivateChat(), new TextMessage(text), createdAt);

    public const string Hourly = "cron:0 * * * *";
    public const string Daily = "cron:0 9 * * *";
    public const string Weekly = "cron:0 9 * * 1";

    public static ScheduledJob Job(string id, DateTimeOffset dueAt, string? recurrence = null, string payload = "{}") => new()
    {
        Id = id,
        Kind = "reminder",
        Payload = payload,
        DueAt = dueAt,
        Recurrence = recurrence,
    };

    public static Member Member(string userId, string unitId = "unit-1", string name = "李四") => new()
    {
        Id = Core.Features.Registration.Member.IdFor("telegram", userId),
        Channel = "telegram",
        UserId = userId,
        Name = name,
        Rank = "section",
        UnitId = unitId,
        Role = Roles.Member,
        LanguageCode = "zh-hans",
        RegisteredAt = T0,
    };

    public static Invite Invite(string code, int maxUses = 10, DateTimeOffset? expiresAt = null, DateTimeOffset? createdAt = null) => new()
    {
        Code = code,
        UnitId = "unit-1",
        Role = Roles.Member,
        MaxUses = maxUses,
        ExpiresAt = expiresAt,
        CreatedAt = createdAt ?? T0,
    };

    public static ChatRecord Chat(string chatId, string channel = "telegram", string? title = "城关镇第一支部") => new()
    {
        Channel = channel,
        ChatId = chatId,
        Kind = ChatKind.Group,
        Title = title,
        UnitId = "unit-1",
        UpdatedAt = T0,
    };

    public static Session Session(string key) => new()
    {
        Key = key,
        Flow = "self-examination",
        State = "AskingProblems",
        PromptToken = "p1",
        Data = new(StringComparer.Ordinal) { ["problem"] = "作风漂浮" },
        RecentUpdates = ["telegram:1"],
        UpdatedAt = T0,
    };

    /// <summary>A roster round of a unit's stage, open for a day from <paramref name="opensAt"/>.</summary>
    public static EvaluationRound RosterRound(string id, string unit, string stage, DateTimeOffset opensAt) => new()
    {
        Id = id,
        UnitId = unit,
        Stage = stage,
        Audience = RoundAudience.Roster,
        OpensAt = opensAt,
        ClosesAt = opensAt.AddDays(1),
        PassRule = new PassRule(0.8m, 10),
        OpenedBy = "telegram:1",
    };
}
