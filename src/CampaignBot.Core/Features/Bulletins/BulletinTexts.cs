namespace CampaignBot.Core.Features.Bulletins;

/// <summary>The words of the monthly dispatch (月调度) and bulletin (月通报).</summary>
public static partial class BulletinTexts
{
    public static Text DispatchAsk(string unitName, string month) => new(
        $"【月调度 {month}】请报送{unitName}本月情况：办实事件数和内容、整改台帐进展是否已核实、备注。点击下方按钮或发送 /dispatch {month} 逐项填写。\n" + DispatchUsageFor(month).Chinese,
        $"[Monthly dispatch {month}] Please report for {unitName}: practical things done, whether ledger progress was checked, a note. Press the button below or send /dispatch {month} for the form.\n" + DispatchUsageFor(month).English);
}
