using CampaignBot.Core.Storage;
using CampaignBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Tests.Sqlite;

/// <summary>The row reader that fills a record from the columns named after its properties.</summary>
public sealed class SqliteRowsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2027, 3, 1, 8, 30, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public enum Colour
    {
        Red,
        Green,
    }

    public sealed record Sample
    {
        public required string Id { get; init; }

        public string? NoteText { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? ClosedAt { get; init; }

        public required Colour Colour { get; init; }

        public bool IsOpen { get; init; }

        public int Count { get; init; }

        public long Sequence { get; init; }

        public DateOnly? Day { get; init; }

        public TimeSpan? Interval { get; init; }

        public int Twice => Count * 2;
    }

    public Task InitializeAsync() => _connection.OpenAsync();

    public Task DisposeAsync() => _connection.DisposeAsync().AsTask();

    [Fact]
    public async Task Each_column_fills_the_property_of_its_name_in_the_stored_form()
    {
        var rows = await ReadAsync(
            """
            SELECT 'a1' AS id, NULL AS note_text, @at AS created_at, @at AS closed_at, 'Green' AS colour, 1 AS is_open,
                7 AS count, 9000000000 AS sequence, '2027-02-28' AS day, @span AS interval;
            """,
            r => SqliteRows.Read<Sample>(r));

        var row = Assert.Single(rows);
        Assert.Equal("a1", row.Id);
        Assert.Null(row.NoteText);
        Assert.Equal(At, row.CreatedAt);
        Assert.Equal(At, row.ClosedAt);
        Assert.Equal(Colour.Green, row.Colour);
        Assert.True(row.IsOpen);
        Assert.Equal(7, row.Count);
        Assert.Equal(9_000_000_000L, row.Sequence);
        Assert.Equal(new DateOnly(2027, 2, 28), row.Day);
        Assert.Equal(TimeSpan.FromHours(3), row.Interval);
    }

    [Fact]
    public async Task Null_columns_leave_nullable_properties_empty()
    {
        var rows = await ReadAsync(
            "SELECT 'a1' AS id, @at AS created_at, NULL AS closed_at, 'Red' AS colour, NULL AS day, NULL AS interval;",
            r => SqliteRows.Read<Sample>(r));

        var row = Assert.Single(rows);
        Assert.Null(row.ClosedAt);
        Assert.Null(row.Day);
        Assert.Null(row.Interval);
        Assert.Equal(Colour.Red, row.Colour);
    }

    [Fact]
    public async Task A_column_that_names_no_property_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ReadAsync("SELECT 'a1' AS id, 2 AS twice;", r => SqliteRows.Read<Sample>(r)));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Columns_after_the_record_are_left_to_the_caller()
    {
        var rows = await ReadAsync(
            "SELECT 'a1' AS id, @at AS created_at, 'Red' AS colour, 41 AS extra;",
            r => (Sample: SqliteRows.Read<Sample>(r, 3), Extra: r.GetInt32(3)));

        var (sample, extra) = Assert.Single(rows);
        Assert.Equal("a1", sample.Id);
        Assert.Equal(41, extra);
    }

    [Fact]
    public async Task A_row_bound_by_column_name_is_stored_in_the_stored_form_and_reads_back_as_it_was()
    {
        string[] columns = ["id", "note_text", "created_at", "closed_at", "colour", "is_open", "count", "sequence", "day", "interval"];
        var sample = new Sample
        {
            Id = "a1", NoteText = null, CreatedAt = At, ClosedAt = At.AddDays(1), Colour = Colour.Green, IsOpen = true, Count = 7,
            Sequence = 9_000_000_000, Day = new DateOnly(2027, 2, 28), Interval = TimeSpan.FromHours(3),
        };
        await using (var create = _connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE samples ({string.Join(", ", columns)});";
            await create.ExecuteNonQueryAsync();
        }

        await using (var insert = _connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO samples ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))});";
            SqliteRows.Bind(insert.Parameters, sample, columns);
            await insert.ExecuteNonQueryAsync();
        }

        var stored = Assert.Single(await ReadAsync(
            "SELECT day, created_at, colour, is_open, note_text IS NULL FROM samples;",
            r => (Day: r.GetString(0), CreatedAt: r.GetInt64(1), Colour: r.GetString(2), IsOpen: r.GetInt64(3), NoNote: r.GetInt64(4))));
        Assert.Equal(("2027-02-28", At.UtcTicks, "Green", 1L, 1L), stored);
        Assert.Equal(sample, Assert.Single(await ReadAsync($"SELECT {string.Join(", ", columns)} FROM samples;", r => SqliteRows.Read<Sample>(r))));
    }

    [Theory]
    [InlineData("Id", "id")]
    [InlineData("MemberId", "member_id")]
    [InlineData("BotIsMember", "bot_is_member")]
    [InlineData("LeaseUntil", "lease_until")]
    public void A_property_name_becomes_a_snake_case_column_name(string property, string column) =>
        Assert.Equal(column, SqliteRows.ColumnName(property));

    [Fact]
    public async Task An_inbox_item_reads_back_as_it_was_stored()
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var stores = await SqliteStores.OpenAsync(Path.Combine(folder, "campaignbot.db"), CancellationToken.None);
            var item = new InboxItem
            {
                Id = "telegram:1",
                ConversationKey = "telegram:42",
                Sequence = 3,
                Payload = "{}",
                ReceivedAt = At,
                Status = InboxStatus.Failed,
                Attempts = 2,
                LeaseOwner = "worker-1",
                LeaseUntil = At.AddMinutes(1),
                Error = "boom",
            };
            await stores.Inbox.AddAsync(item, CancellationToken.None);

            Assert.Equal(item, await stores.Inbox.GetAsync(item.Id, CancellationToken.None));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Set("@at", At).Set("@span", TimeSpan.FromHours(3));
        return await SqliteDatabase.ReadAllAsync(command, read, CancellationToken.None);
    }
}
