using System.Globalization;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;
using CampaignBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Pipeline;

public sealed class InboxWriterTests : IAsyncLifetime
{
    private static readonly ChatRef Chat = new("telegram", "7", ChatKind.Private);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("campaignbot-inbox-writer-tests");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 10, 8, 0, 0, TimeSpan.Zero));
    private readonly ReceivedUpdates _received;
    private StoreBundle _stores = null!;
    private InboxWriter _writer = null!;

    public InboxWriterTests() => _received = new ReceivedUpdates(_clock);

    public async Task InitializeAsync()
    {
        _stores = await SqliteStores.OpenAsync(Path.Combine(_folder.FullName, "bot.db"), CancellationToken.None);
        _writer = new InboxWriter(_stores.Inbox, new PipelineSignals(), _clock, _received);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private Inbound Update(string id, string text) => new(id, long.Parse(id, CultureInfo.InvariantCulture), Chat, new UserRef("7"), new TextInput(text), _clock.GetUtcNow());

    private async Task<Dictionary<string, InboxItem>> ClaimAsync() =>
        (await _stores.Inbox.ClaimPendingAsync("bot-1", _clock.GetUtcNow(), TimeSpan.FromMinutes(1), 10, CancellationToken.None)).ToDictionary(i => i.Id);

    [Fact]
    public async Task A_stored_batch_is_claimed_back_as_the_objects_it_came_as()
    {
        var first = Update("1", "你好");
        var second = Update("2", "/start");
        await _writer.AcceptManyAsync([first, second], CancellationToken.None);

        var claimed = await ClaimAsync();

        Assert.Same(first, _received.Read(claimed["telegram:1"]));
        Assert.Same(second, _received.Read(claimed["telegram:2"]));
    }

    [Fact]
    public async Task A_second_copy_of_a_stored_update_is_not_what_its_claim_reads()
    {
        await _writer.AcceptManyAsync([Update("1", "first")], CancellationToken.None);
        var copy = Update("1", "again");
        await _writer.AcceptManyAsync([copy], CancellationToken.None);
        Assert.False(await _writer.AcceptAsync(copy, CancellationToken.None));

        var claimed = await ClaimAsync();
        var read = _received.Read(claimed["telegram:1"]);

        Assert.NotSame(copy, read);
        Assert.Equal(new TextInput("first"), read.Content);
    }
}
