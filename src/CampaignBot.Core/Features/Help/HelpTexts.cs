using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Help;

/// <summary>The wording of /help.</summary>
public static class HelpTexts
{
    public static readonly Text Heading = new("你可以使用：", "What you can do:");

    public static readonly Text GroupHeading = new("在本群可用：", "In this group:");

    public static readonly Text GroupMore = new(
        "参加群众评议：按评议消息上的按钮。其他功能请私聊我，发送 /help 查看。",
        "To take part in an evaluation, press the buttons on its message. For everything else, message me privately and send /help.");

    public static readonly Text Unregistered = new(
        "党员干部：发送 /start，输入单位发的邀请码完成注册。\n群众参加评议不用注册：按群里评议消息的按钮，或私聊我发送 /vote 口令。",
        "Party members: send /start and enter your unit's invite code to register.\nThe masses need no registration to evaluate: press the buttons on the evaluation message in the group, or send me /vote CODE.");

    public static readonly Text Deactivated = new("你的账号已被停用。如有疑问，请联系本单位支部书记或活动办。", "Your account has been deactivated. Please contact your unit's secretary or the campaign office.");

    public static readonly Text Invites = new(
        "邀请码由活动办用命令行生成：campaignbot invite create --unit <单位> --role <角色> [--rank <职级>|--max-rank <职级>]",
        "Invite codes are made by the campaign office: campaignbot invite create --unit <unit> --role <role> [--rank <rank>|--max-rank <rank>]");
}
