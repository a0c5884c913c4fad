using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Conversations;

/// <summary>What the router itself says, whatever the flow.</summary>
public static class ConversationTexts
{
    public static readonly Text NotRegistered = new(
        "你好！你还没有注册。\n· 党员干部：发送 /start，并输入单位发给你的邀请码。\n· 群众参加评议不用注册：按群里评议消息的按钮，或发送 /vote 口令 领取选票。",
        "Hello! You are not registered.\n· Party members: send /start and enter the invite code your unit gave you.\n· The masses need no registration to take part in evaluations: press the buttons on the evaluation message in your group, or send /vote CODE.");

    public static readonly Text SeeHelp = new("发送 /help 查看可用命令。", "Send /help to see the commands.");

    public static readonly Text Deactivated = new(
        "你的账号已被停用，不能再使用本助手办理事项。如有疑问，请联系本单位支部书记或活动办。",
        "Your account has been deactivated, so you can no longer use the assistant. Please contact your unit's secretary or the campaign office.");

    public static readonly Text DeactivatedPress = new("账号已停用，操作未执行。", "Account deactivated; nothing was done.");

    public static Text AnsweredPrivately(string command) => new(
        $"请私聊我使用 /{command}：结果含个人信息，已私信发给你（如未收到，请先私聊我发送任意消息）。",
        $"Please use /{command} in a private chat with me: the answer holds personal data, so it was sent to you privately (if it does not arrive, message me privately first).");
}
