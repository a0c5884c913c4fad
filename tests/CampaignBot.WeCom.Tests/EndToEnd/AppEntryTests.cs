using System.Globalization;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.EndToEnd;

/// <summary>What the admin console and a member opening the app meet first.</summary>
public sealed class AppEntryTests
{
    [Fact]
    public async Task The_admin_consoles_url_verification_gets_the_plain_echo_from_the_host()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var timestamp = bot.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var echo = bot.Crypto.Encrypt("4130916591370958224");
        var signature = bot.Crypto.Sign(timestamp, "verify-1", echo);

        var answer = await bot.Http.GetAsync($"/wecom/callback?msg_signature={signature}&timestamp={timestamp}&nonce=verify-1&echostr={Uri.EscapeDataString(echo)}");
        var forged = await bot.Http.GetAsync($"/wecom/callback?msg_signature={new string('0', 40)}&timestamp={timestamp}&nonce=verify-1&echostr={Uri.EscapeDataString(echo)}");

        Assert.Equal("4130916591370958224", await answer.Content.ReadAsStringAsync());
        Assert.Equal(403, (int)forged.StatusCode);
    }

    [Fact]
    public async Task Opening_the_app_greets_a_newcomer_with_the_first_registration_step()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var member = bot.Member("newcomer");
        var entered = $"<xml><ToUserName><![CDATA[{WeComStandIn.CorpId}]]></ToUserName><FromUserName><![CDATA[newcomer]]></FromUserName>" +
            $"<CreateTime>{member.NextCreateTime()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event>" +
            $"<EventKey><![CDATA[]]></EventKey><AgentID>{WeComBotUnderTest.AgentId}</AgentID></xml>";

        Assert.Equal(200, await member.PostAsync(entered));
        var step = await member.WaitForAsync("第 1 步");

        Assert.Contains("邀请码", step, StringComparison.Ordinal);
    }
}
