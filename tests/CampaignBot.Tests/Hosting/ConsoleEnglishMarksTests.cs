using CampaignBot.ConsoleChannel;

namespace CampaignBot.Tests.Hosting;

/// <summary>The marks the console adds around a message (edited, notice, file, addressee) are in the language of its reader.</summary>
public sealed class ConsoleEnglishMarksTests
{
    private static readonly ChatRef Private = new("console", "10001", ChatKind.Private);

    [Fact]
    public void An_english_readers_edit_notice_and_file_are_marked_in_english()
    {
        var output = new StringWriter();
        var transcript = new ConsoleTranscript(output);

        transcript.Show(Private, new EditMessage("m0", "Step 2") { Reader = Language.English }, null);
        transcript.Show(Private, new CallbackAnswer("cb", "That button is out of date.") { Reader = Language.English }, null);
        transcript.Show(Private, new DocumentMessage("ledger.csv", [1, 2, 3]) { Reader = Language.English }, null);
        transcript.Show(new ChatRef("console", "10002", ChatKind.Private), new TextMessage("Hello") { Reader = Language.English }, null, "10002");

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["机器人> (edited) Step 2", "机器人> (notice: That button is out of date.)", "机器人> [file] ledger.csv (3 bytes)", "机器人> [to 10002] Hello"],
            lines);
    }

    [Fact]
    public void A_message_without_a_reader_keeps_the_chinese_marks()
    {
        var output = new StringWriter();
        var transcript = new ConsoleTranscript(output);

        transcript.Show(Private, new EditMessage("m0", "第 2 步"), null);
        transcript.Show(Private, new CallbackAnswer("cb", "按钮已过期。"), null);
        transcript.Show(Private, new DocumentMessage("台帐.csv", [1, 2, 3]), null);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["机器人> （更新）第 2 步", "机器人> （提示：按钮已过期。）", "机器人> [文件] 台帐.csv（3 字节）"], lines);
    }
}
