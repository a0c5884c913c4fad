using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Registration;

/// <summary>What registration (/start) says.</summary>
public static class RegistrationTexts
{
    public static readonly Text Title = new("注册", "registration");

    public static readonly Text Welcome = new(
        "欢迎参加党的群众路线教育实践活动！下面用几步完成注册，随时可发送 /back 返回上一步、/cancel 取消。",
        "Welcome to the mass line education and practice campaign! Registration takes a few steps; send /back to go back or /cancel to stop at any time.");

    public static readonly Text AskCode = new("第 1 步：请输入单位发给你的邀请码。", "Step 1: enter the invite code your unit gave you.");

    public static readonly Text CodeInvalid = new("邀请码无效，请检查后重新输入（注意区分数字 0 和字母 O）。", "That invite code is not valid; please check it and try again.");

    public static readonly Text CodeExpired = new("这个邀请码已过期，请向单位索取新的邀请码。", "This invite code has expired; ask your unit for a new one.");

    public static readonly Text CodeUsedUp = new("这个邀请码的名额已用完，请向单位索取新的邀请码。", "This invite code has been used up; ask your unit for a new one.");

    public static readonly Text CodeUnitUnknown = new("这个邀请码对应的单位不在本次活动中，请联系活动办。", "This invite code's unit is not part of the campaign; please contact the campaign office.");

    public static readonly Text NameEmpty = new("姓名不能为空，请输入你的姓名。", "The name can't be empty; please enter your name.");

    public static readonly Text NameBadCharacters = new("姓名里有不能使用的字符，请重新输入。", "The name contains characters that can't be used; please enter it again.");

    public static readonly Text AskRank = new("第 3 步：请选择你的职级。", "Step 3: choose your rank.");

    public static readonly Text ChooseRankWithButtons = new("请点击下面的按钮选择职级。", "Please choose your rank with the buttons below.");

    public static readonly Text RankNotAllowed = new("请点击下面的按钮选择职级（邀请码限定了可选的职级）。", "Please choose your rank with the buttons below (the invite code limits the ranks).");

    public static readonly Text CodeRevoked = new("这个邀请码已被收回，请向单位索取新的邀请码。", "This invite code has been revoked; ask your unit for a new one.");

    public static readonly Text Confirm = new("确认", "Confirm");

    public static readonly Text Change = new("修改", "Change");

    public static readonly Text ConfirmOrChange = new("请点击“确认”完成注册，或点击“修改”返回上一步。", "Press \"Confirm\" to finish, or \"Change\" to go back.");

    public static readonly Text CodeNoLongerValid = new("抱歉，邀请码在此期间已失效或名额已满，请重新输入邀请码。", "Sorry, the invite code is no longer valid; please enter a code again.");

    public static readonly Text Cancelled = new("已取消注册，填写的信息未保存。需要时发送 /start 重新开始。", "Registration cancelled; nothing was saved. Send /start to begin again.");

    public static readonly Text TimedOut = new("注册长时间未完成，已自动退出。需要时发送 /start 重新开始。", "Registration timed out. Send /start to begin again.");

    public static Text AlreadyRegistered(string name, string unit) => new(
        $"你已注册：{name}（{unit}）。发送 /me 查看资料。",
        $"You are already registered: {name} ({unit}). Send /me to see your profile.");

    public static Text AskName(int maxLength) => new(
        $"第 2 步：请输入你的姓名（不超过 {maxLength} 个字）。",
        $"Step 2: enter your name (at most {maxLength} characters).");

    public static Text NameTooLong(int maxLength) => new(
        $"姓名太长了（不超过 {maxLength} 个字），请重新输入。",
        $"That name is too long (at most {maxLength} characters); please enter it again.");

    public static Text AskConfirmation(string? name, string unit, string rank) => new(
        $"第 4 步：请确认注册信息。\n姓名：{name}\n单位：{unit}\n职级：{rank}",
        $"Step 4: please confirm.\nName: {name}\nUnit: {unit}\nRank: {rank}");

    public static Text Registered(string? name) => new(
        $"注册成功！欢迎你，{name}。发送 /me 查看资料，/help 查看可用命令。",
        $"You are registered. Welcome, {name}! Send /me for your profile, /help for the commands.");

    public static readonly Text FixedByTheList = new(
        "姓名和职级以单位名单为准，这里不能修改；如有不对请联系支部书记。可以重新输入邀请码，或发送 /cancel 取消。",
        "Name and rank come from your unit's list and can't be changed here; tell your secretary if they are wrong. Enter a code again, or send /cancel.");

    public static Text AskPersonalConfirmation(string? name, string unit, string rank) => new(
        $"请确认单位名单中的信息（如有不对请联系支部书记）。\n姓名：{name}\n单位：{unit}\n职级：{rank}",
        $"Please confirm what your unit's list says (if something is wrong, tell your secretary).\nName: {name}\nUnit: {unit}\nRank: {rank}");
}
