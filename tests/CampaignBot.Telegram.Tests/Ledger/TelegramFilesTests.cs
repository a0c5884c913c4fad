using System.Security.Cryptography;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Telegram.Tests.Ledger;

/// <summary>Fetching what people send the bot: getFile, then the file download URL, on the real client against the stand-in.</summary>
public sealed class TelegramFilesTests
{
    private const long Limit = 1024 * 1024;

    [Fact]
    public async Task A_sent_file_is_fetched_with_get_file_and_the_download_url_without_the_token_in_any_log()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var bytes = RandomNumberGenerator.GetBytes(70_000);
        harness.StandIn.State.AddFile("BQAC-report", bytes, "documents/file_3.pdf");
        var files = Files(harness);

        var fetched = await files.FetchAsync("BQAC-report", Limit, CancellationToken.None);

        Assert.Equal(bytes, fetched.Content);
        Assert.Equal("file_3.pdf", fetched.FileName);
        Assert.Equal(["getFile", "download"], harness.StandIn.State.Calls.Where(c => c is "getFile" or "download"));
        Assert.DoesNotContain(TelegramHarness.Token, harness.Everything([]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_downloaded_and_an_unknown_one_fails_for_a_retry()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.AddFile("BQAC-big", new byte[(int)Limit + 1], "documents/big.zip");
        var files = Files(harness);

        var tooBig = await Assert.ThrowsAsync<FileTooLargeException>(() => files.FetchAsync("BQAC-big", Limit, CancellationToken.None));
        var unknown = await Record.ExceptionAsync(() => files.FetchAsync("BQAC-nothing", Limit, CancellationToken.None));

        Assert.Equal(Limit + 1, tooBig.Size);
        Assert.DoesNotContain("download", harness.StandIn.State.Calls);
        Assert.NotNull(unknown);
        Assert.IsNotType<FileTooLargeException>(unknown);
    }

    [Fact]
    public async Task A_failing_download_throws_so_the_fetch_job_tries_again_later()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.AddFile("AgAC-photo", RandomNumberGenerator.GetBytes(1000), "photos/file_1.jpg");
        harness.StandIn.State.FailNext("download", 502, "Bad Gateway");
        var files = Files(harness);

        var failed = await Record.ExceptionAsync(() => files.FetchAsync("AgAC-photo", Limit, CancellationToken.None));
        var second = await files.FetchAsync("AgAC-photo", Limit, CancellationToken.None);

        Assert.NotNull(failed);
        Assert.DoesNotContain(TelegramHarness.Token, failed.ToString(), StringComparison.Ordinal);
        Assert.Equal(1000, second.Content.Length);
    }

    private static IChannelFiles Files(TelegramHarness harness) => harness.Services.GetServices<IChannelFiles>().Single(f => f.Channel == "telegram");
}
