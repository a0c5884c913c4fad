using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Registration;

/// <summary>Texts of registration and membership.</summary>
public static class RegistrationTexts
{
    public static readonly Text Deactivated = new(
        "你的账号已停用（已从单位名单或通讯录中移除），不能再使用本活动的功能。如有疑问请联系支部书记。",
        "Your account has been deactivated (removed from the unit's list or address book). Ask your secretary if this is a mistake.");
}
