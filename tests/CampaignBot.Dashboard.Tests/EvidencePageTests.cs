using System.Net;
using System.Security.Cryptography;
using CampaignBot.Core.Features.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Dashboard.Tests;

/// <summary>The office's evidence page: stored photos and documents open for the office only; hashes in URLs name nothing else.</summary>
public sealed class EvidencePageTests : SiteTests
{
    [Fact]
    public async Task The_office_opens_a_stored_photo_and_sees_a_failed_file_while_a_secretary_is_refused_both()
    {
        var bytes = RandomNumberGenerator.GetBytes(5000);
        var sha = await Site.Services.GetRequiredService<IEvidenceFiles>().SaveAsync(bytes, CancellationToken.None);
        var at = Site.Time.GetUtcNow();
        await Site.Stores.Ledger.SaveAsync(
            Site.LedgerItem("LEVPAGE", "town_chengguan", "窗口办事推诿") with
            {
                AwaitingConfirmation = true,
                Evidence =
                [
                    new Evidence(at, Site.Seed.Secretary.Id, "公示栏") { Id = "EPHOTO1", Kind = EvidenceKind.Photo, FileName = "公示栏.jpg", MimeType = "image/jpeg", Size = 5000, Sha256 = sha, File = EvidenceFileState.Stored },
                    new Evidence(at, Site.Seed.Secretary.Id, string.Empty) { Id = "EFAIL01", Kind = EvidenceKind.Document, FileName = "报告.pdf", File = EvidenceFileState.Failed, Attempts = 5, Failure = "timed out" },
                ],
            },
            CancellationToken.None);
        var office = await Site.SignInAsync(Site.Seed.Office);
        var secretary = await Site.SignInAsync(Site.Seed.Secretary);

        var page = await office.GetStringAsync("/evidence");
        var photo = await office.GetAsync("/evidence/LEVPAGE/EPHOTO1");
        var failed = await office.GetAsync("/evidence/LEVPAGE/EFAIL01");
        var forged = await office.GetAsync("/evidence/LEVPAGE/..%2F..%2Fcampaignbot.db");

        Assert.Contains("href=\"/evidence/LEVPAGE/EPHOTO1\"", page, StringComparison.Ordinal);
        Assert.Contains("照片 公示栏.jpg 5 KB", page, StringComparison.Ordinal);
        Assert.Contains("保存失败：timed out", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await photo.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, failed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/evidence/LEVPAGE/EPHOTO1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Site.NewClient().GetAsync("/evidence/LEVPAGE/EPHOTO1")).StatusCode);
        Assert.DoesNotContain("/evidence", await secretary.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
