using CampaignBot.ConsoleChannel;
using CampaignBot.Features.Ledger;

namespace CampaignBot.Tests.Opinions;

/// <summary>The console's way to send a file (/attach), and the evidence store's folder behind it.</summary>
public sealed class ConsoleAttachTests : IDisposable
{
    private static readonly ChatRef Me = new("console", "me", ChatKind.Private);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-attach-tests", Guid.NewGuid().ToString("N"));

    public ConsoleAttachTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Attach_sends_a_picture_as_a_photo_and_anything_else_as_a_document_with_the_caption()
    {
        var picture = Path.Combine(_folder, "公示 栏.JPG");
        var report = Path.Combine(_folder, "report.pdf");
        File.WriteAllBytes(picture, new byte[321]);
        File.WriteAllBytes(report, new byte[42]);
        var transcript = new ConsoleTranscript(new StringWriter());

        var photo = Assert.IsType<PhotoInput>(ConsoleLine.Parse($"/attach \"{picture}\" 窗口公示栏", Me, transcript));
        var document = Assert.IsType<DocumentInput>(ConsoleLine.Parse($"/attach {report}", Me, transcript));

        Assert.Equal(new PhotoInput(picture, "公示 栏.JPG", "image/jpeg", 321, "窗口公示栏"), photo);
        Assert.Equal(new DocumentInput(report, "report.pdf", "application/pdf", 42), document);
    }

    [Fact]
    public void Attaching_a_file_that_is_not_there_says_so_and_sends_nothing()
    {
        var output = new StringWriter();

        var content = ConsoleLine.Parse($"/attach {Path.Combine(_folder, "missing.jpg")}", Me, new ConsoleTranscript(output));

        Assert.Null(content);
        Assert.Contains("找不到这个文件", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evidence_store_keeps_a_file_once_by_its_hash_and_opens_nothing_for_a_malformed_or_unknown_hash()
    {
        var store = new LocalEvidenceFiles(Path.Combine(_folder, "evidence"));

        var first = await store.SaveAsync([1, 2, 3], CancellationToken.None);
        var again = await store.SaveAsync([1, 2, 3], CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(64, first.Length);
        Assert.Single(Directory.GetFiles(store.Folder, "*", SearchOption.AllDirectories));
        await using (var opened = await store.OpenAsync(first, CancellationToken.None))
        {
            Assert.Equal(3, opened!.Length);
        }

        Assert.Null(await store.OpenAsync("../../etc/passwd", CancellationToken.None));
        Assert.Null(await store.OpenAsync(first.ToUpperInvariant(), CancellationToken.None));
        Assert.Null(await store.OpenAsync(new string('0', 64), CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
