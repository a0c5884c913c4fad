using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Features.Ledger;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Opinions;

/// <summary>
/// Evidence as a photo or a document: the ledger's evidence step over the real host on a fake clock (console chats, whose
/// file references are local paths): fetched in the background, kept by its hash, shown, limited, retried, refused.
/// </summary>
public sealed partial class EvidenceFileTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _files = Path.Combine(Path.GetTempPath(), "campaignbot-evidence-tests", Guid.NewGuid().ToString("N"));
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_files);
        _bot = await EvaluationBot.StartAsync(new() { ["Ledger:EvidenceMaxMegabytes"] = "1" });
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    [Fact]
    public async Task A_photo_as_evidence_is_fetched_in_the_background_kept_by_its_hash_shown_to_the_secretary_and_confirmed()
    {
        var id = await NewItemAsync();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var path = Write("整改现场.jpg", bytes);

        var asked = await SayAsync("lead1", "ledger", $"done {id}");
        var received = Texts(await SendAsync("lead1", new PhotoInput(path, "整改现场.jpg", "image/jpeg", bytes.Length, "窗口公示栏已更新")));
        var tooEarly = await SayAsync("sec1", "ledger", $"confirm {id}");
        var fetched = await _bot.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Contains("或一张照片、一个文件（不超过 1 MB", asked, StringComparison.Ordinal);
        Assert.Contains("已收到照片 整改现场.jpg 293 KB（正在保存）", received, StringComparison.Ordinal);
        Assert.Contains("等待支部书记或督导组确认", received, StringComparison.Ordinal);
        Assert.Contains("还在保存中", tooEarly, StringComparison.Ordinal);
        var evidence = Assert.Single((await _bot.Stores.Ledger.GetAsync(id, Ct))!.Evidence);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal((EvidenceKind.Photo, EvidenceFileState.Stored, sha, 300_000L, "窗口公示栏已更新"), (evidence.Kind, evidence.File, evidence.Sha256, evidence.Size, evidence.Text));
        Assert.Null(evidence.FileRef);
        await using (var stored = await _bot.Services.GetRequiredService<IEvidenceFiles>().OpenAsync(sha, Ct))
        {
            using var copy = new MemoryStream();
            await stored!.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        var toSecretary = Texts(fetched.Where(m => m.Chat.Id == "sec1"));
        Assert.Contains("佐证：照片 整改现场.jpg 293 KB：窗口公示栏已更新", toSecretary, StringComparison.Ordinal);
        Assert.Contains($"/ledger confirm {id}", toSecretary, StringComparison.Ordinal);
        Assert.Contains("照片 整改现场.jpg 293 KB", await SayAsync("sec1", "ledger", $"show {id}"), StringComparison.Ordinal);
        Assert.Contains("已确认完成", await SayAsync("sec1", "ledger", $"confirm {id}"), StringComparison.Ordinal);
        var history = await _bot.Stores.Ledger.HistoryAsync(id, Ct);
        Assert.Contains(history, h => h.What.StartsWith("佐证文件已保存：照片 整改现场.jpg", StringComparison.Ordinal) && h.By == "system");
    }

    [Fact]
    public async Task Evidence_stored_at_night_tells_the_secretary_when_the_quiet_hours_end()
    {
        var id = await NewItemAsync();
        await _bot.AdvanceAsync(TimeSpan.FromHours(14)); // 23:00 in Beijing
        var bytes = RandomNumberGenerator.GetBytes(1_000);
        await SayAsync("lead1", "ledger", $"done {id}");
        await SendAsync("lead1", new PhotoInput(Write("夜间.jpg", bytes), "夜间.jpg", "image/jpeg", bytes.Length, null));

        var fetched = await _bot.AdvanceAsync(TimeSpan.FromSeconds(5));
        var morning = await _bot.AdvanceAsync(TimeSpan.FromHours(9));

        Assert.Equal(EvidenceFileState.Stored, Assert.Single((await _bot.Stores.Ledger.GetAsync(id, Ct))!.Evidence).File);
        Assert.DoesNotContain(fetched, m => m.Chat.Id == "sec1");
        Assert.Contains($"/ledger confirm {id}", Texts(morning.Where(m => m.Chat.Id == "sec1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_file_sent_twice_is_kept_once_and_a_document_keeps_its_name_and_type()
    {
        var id = await NewItemAsync();
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var path = Write("整改报告.pdf", bytes);

        await SayAsync("lead1", "ledger", $"evidence {id}");
        await SendAsync("lead1", new DocumentInput(path, "整改报告.pdf", "application/pdf", bytes.Length));
        await SayAsync("lead1", "ledger", $"evidence {id}");
        await SendAsync("lead1", new DocumentInput(path, "整改报告-副本.pdf", "application/pdf", bytes.Length));
        await _bot.AdvanceAsync(TimeSpan.FromSeconds(5));

        var evidence = (await _bot.Stores.Ledger.GetAsync(id, Ct))!.Evidence;
        Assert.Equal(2, evidence.Count);
        Assert.All(evidence, e => Assert.Equal((EvidenceKind.Document, EvidenceFileState.Stored, "application/pdf"), (e.Kind, e.File, e.MimeType)));
        Assert.Single(evidence.Select(e => e.Sha256).Distinct());
        var folder = ((LocalEvidenceFiles)_bot.Services.GetRequiredService<IEvidenceFiles>()).Folder;
        Assert.Single(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
        Assert.False((await _bot.Stores.Ledger.GetAsync(id, Ct))!.AwaitingConfirmation);
    }

    [Fact]
    public async Task A_sticker_a_voice_note_and_an_over_size_file_get_clear_replies_and_record_nothing()
    {
        var id = await NewItemAsync();
        await SayAsync("lead1", "ledger", $"done {id}");

        var sticker = Texts(await SendAsync("lead1", new OtherMediaInput("sticker")));
        var voice = Texts(await SendAsync("lead1", new OtherMediaInput("voice")));
        var big = Texts(await SendAsync("lead1", new DocumentInput("/nowhere/big.zip", "big.zip", "application/zip", 3 * 1024 * 1024)));
        var empty = Texts(await SendAsync("lead1", new TextInput("好")));

        Assert.Contains("表情贴纸不能作为整改佐证", sticker, StringComparison.Ordinal);
        Assert.Contains("语音不能作为整改佐证", voice, StringComparison.Ordinal);
        Assert.Contains("这个文件有 3.0 MB，超过 1 MB 的上限", big, StringComparison.Ordinal);
        Assert.Contains("内容太短", empty, StringComparison.Ordinal);
        Assert.All(new[] { sticker, voice, big, empty }, reply => Assert.Contains("请发送", reply, StringComparison.Ordinal));
        var item = await _bot.Stores.Ledger.GetAsync(id, Ct);
        Assert.Equal((0, false), (item!.Evidence.Count, item.AwaitingConfirmation));
    }

    [Fact]
    public async Task A_file_that_cannot_be_fetched_is_retried_with_its_failure_shown_then_marked_failed_and_the_sender_asked_again()
    {
        var id = await NewItemAsync();
        var path = Write("现场.png", RandomNumberGenerator.GetBytes(1000));
        await SayAsync("lead1", "ledger", $"done {id}");
        await SendAsync("lead1", new PhotoInput(path, "现场.png", "image/png", 1000));
        File.Delete(path);

        await _bot.AdvanceAsync(TimeSpan.FromSeconds(5));
        var afterOne = Assert.Single((await _bot.Stores.Ledger.GetAsync(id, Ct))!.Evidence);
        var shown = await SayAsync("sec1", "ledger", $"show {id}");
        var sent = new List<OutboxMessage>();
        foreach (var wait in new[] { 1, 5, 30, 120 })
        {
            sent.AddRange(await _bot.AdvanceAsync(TimeSpan.FromMinutes(wait + 1)));
        }

        Assert.Equal((EvidenceFileState.Fetching, 1), (afterOne.File, afterOne.Attempts));
        Assert.Contains("FileNotFoundException", afterOne.Failure, StringComparison.Ordinal);
        Assert.Contains("（正在保存）（已试 1 次：", shown, StringComparison.Ordinal);
        var failed = Assert.Single((await _bot.Stores.Ledger.GetAsync(id, Ct))!.Evidence);
        Assert.Equal((EvidenceFileState.Failed, 5), (failed.File, failed.Attempts));
        Assert.Single(sent, m => m.Chat.Id == "lead1" && Texts([m]).Contains($"/ledger evidence {id}", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, m => m.Chat.Id == "sec1");
        Assert.Contains("未能保存", await SayAsync("sec1", "ledger", $"confirm {id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_in_a_group_or_outside_the_evidence_step_is_not_evidence()
    {
        var id = await NewItemAsync();
        var path = Write("群里.jpg", RandomNumberGenerator.GetBytes(100));

        var inGroup = await _bot.SendAsync(EvaluationBot.Group, "lead1", new PhotoInput(path, "群里.jpg", "image/jpeg", 100));
        var idle = Texts(await SendAsync("lead1", new PhotoInput(path, "群里.jpg", "image/jpeg", 100)));
        await SayAsync("sec1", "ledger", "add");
        var inTextStep = Texts(await SendAsync("sec1", new PhotoInput(path, "群里.jpg", "image/jpeg", 100)));

        Assert.Empty(inGroup);
        Assert.Contains("/help", idle, StringComparison.Ordinal);
        Assert.Contains("这一步需要输入文字", inTextStep, StringComparison.Ordinal);
        Assert.Contains("查摆出的问题", inTextStep, StringComparison.Ordinal);
        Assert.Empty((await _bot.Stores.Ledger.GetAsync(id, Ct))!.Evidence);
        var due = await _bot.Stores.Jobs.DueAsync(_bot.Time.GetUtcNow().AddDays(1), 100, Ct);
        Assert.DoesNotContain(due, j => j.Kind == EvidenceFetchJob.JobKind);
    }

    [Fact]
    public async Task A_description_in_the_evidence_step_is_recorded_at_once_and_the_export_names_each_stored_file_by_its_hash()
    {
        var id = await NewItemAsync();
        var bytes = RandomNumberGenerator.GetBytes(2048);
        var path = Write("制度.docx", bytes);

        await SayAsync("lead1", "ledger", $"evidence {id}");
        var added = Texts(await SendAsync("lead1", new TextInput("已印发首问负责制实施办法")));
        await SayAsync("lead1", "ledger", $"evidence {id}");
        await SendAsync("lead1", new DocumentInput(path, "制度.docx", null, bytes.Length, "实施办法全文"));
        await _bot.AdvanceAsync(TimeSpan.FromSeconds(5));
        var table = await _bot.Services.GetRequiredService<LedgerTable>().BuildAsync("county_east", Ct);

        Assert.Contains("共 1 条", added, StringComparison.Ordinal);
        var cell = string.Join("|", table.Rows.Single(r => r[0] == id));
        Assert.Contains("已印发首问负责制实施办法；文件 制度.docx 2 KB：实施办法全文（SHA-256 " + Convert.ToHexStringLower(SHA256.HashData(bytes)) + "）", cell, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evidence_step_survives_a_restart_and_a_file_waiting_to_be_fetched_is_fetched_after_it()
    {
        var id = await NewItemAsync();
        var bytes = RandomNumberGenerator.GetBytes(4096);
        var path = Write("现场.jpg", bytes);

        await SayAsync("lead1", "ledger", $"done {id}");
        await _bot.RestartAsync();
        var received = Texts(await SendAsync("lead1", new PhotoInput(path, "现场.jpg", "image/jpeg", bytes.Length)));
        await _bot.RestartAsync();
        var fetched = await _bot.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Contains("已收到照片 现场.jpg 4 KB", received, StringComparison.Ordinal);
        Assert.Contains(fetched, m => m.Chat.Id == "sec1" && Texts([m]).Contains("照片 现场.jpg 4 KB", StringComparison.Ordinal));
        Assert.Equal(EvidenceFileState.Stored, Assert.Single((await _bot.Stores.Ledger.GetAsync(id, Ct))!.Evidence).File);
    }

    private async Task<string> NewItemAsync() => CodeAfter("整改台帐 ", await SayAsync("sec1", "ledger", "add 成员lead1 2027-05-01 窗口办事推诿 | 首问负责制"));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_files, Guid.NewGuid().ToString("N")[..8] + "-" + name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private Task<IReadOnlyList<OutboxMessage>> SendAsync(string user, InboundContent content) => _bot.SendAsync(EvaluationBot.Private(user), user, content);

    private async Task<string> SayAsync(string user, string command, string arguments = "") =>
        Texts(await _bot.CommandAsync(EvaluationBot.Private(user), user, command, arguments));

    private static string Texts(IEnumerable<OutboxMessage> messages) => EvaluationBot.Texts(messages);

    private static string CodeAfter(string marker, string text)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' not in: {text}");
        return CodeWord().Match(text[(at + marker.Length)..]).Value;
    }

    [GeneratedRegex("^[A-Za-z0-9]+")]
    private static partial Regex CodeWord();
}
