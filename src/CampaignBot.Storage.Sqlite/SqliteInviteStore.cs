namespace CampaignBot.Storage.Sqlite;

/// <summary>Invites, with one row per redemption: the (code, member) key makes the same member count once.</summary>
internal sealed class SqliteInviteStore(SqliteDatabase database) : IInviteStore
{
    private const string Columns = "code, unit_id, role, max_uses, expires_at, created_at, name, rank, max_rank, revoked_at";
    private static readonly int ColumnCount = Columns.Split(',').Length;
    private readonly SqliteTable<Invite> _invites = new(database, "invites", Columns);

    public Task<bool> CreateAsync(Invite invite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(invite.MaxUses, nameof(invite));
        return _invites.TryInsertAsync(invite, cancellationToken);
    }

    public async Task<Invite?> GetAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var invites = await database.ReadAsync((connection, token) => ReadAsync(sql => connection.Command(sql, null), code, token), cancellationToken);
        return invites.SingleOrDefault();
    }

    public async Task<InviteStanding?> GetStandingAsync(string code, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        var rows = await database.ReadAsync((connection, token) => StandingAsync(connection.Command(StandingSql, null), code, memberId, token), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>The invite with its count and the member's place, both answered from the (code, member) key.</summary>
    private const string StandingSql =
        $"""
        SELECT {Columns},
            (SELECT COUNT(*) FROM invite_redemptions r WHERE r.code = i.code),
            EXISTS (SELECT 1 FROM invite_redemptions r WHERE r.code = i.code AND r.member_id = @member)
        FROM invites i WHERE i.code = @code;
        """;

    private static Task<IReadOnlyList<InviteStanding>> StandingAsync(SqliteCommand read, string code, string memberId, CancellationToken cancellationToken)
    {
        read.Parameters.Set("@code", code).Set("@member", memberId);
        return SqliteDatabase.ReadAllAsync(read, r => new InviteStanding(SqliteRows.Read<Invite>(r, ColumnCount), r.GetInt32(ColumnCount), r.Flag(ColumnCount + 1)), cancellationToken);
    }

    public Task<RedeemResult> RedeemAsync(string code, string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);

        // One unit of work for the writer, so the count cannot change between the check and the insert. The
        // redemptions are counted and looked up on their (code, member) key, never read as a list.
        return database.WriteAsync(
            async (write, token) =>
            {
                var rows = await StandingAsync(write.Command(StandingSql), code, memberId, token);
                if (rows.Count == 0)
                {
                    return RedeemResult.NotFound;
                }

                var (invite, uses, mine) = rows[0];
                var result = invite switch
                {
                    { RevokedAt: not null } => RedeemResult.Revoked,
                    _ when mine => RedeemResult.AlreadyRedeemedByThisMember,
                    { ExpiresAt: { } expires } when now >= expires => RedeemResult.Expired,
                    _ when uses >= invite.MaxUses => RedeemResult.UsedUp,
                    _ => RedeemResult.Redeemed,
                };
                if (result != RedeemResult.Redeemed)
                {
                    return result;
                }

                var insert = write.Command("INSERT INTO invite_redemptions (code, member_id, position, redeemed_at) VALUES (@code, @member, @position, @at);");
                insert.Parameters.Set("@code", code).Set("@member", memberId).Set("@position", uses).Set("@at", now);
                await insert.ExecuteNonQueryAsync(token);
                return result;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Invite>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync((connection, token) => ReadAsync(sql => connection.Command(sql, null), null, token), cancellationToken);

    public Task<bool> RevokeAsync(string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return database.ChangesOneAsync(
            "UPDATE invites SET revoked_at = @at WHERE code = @code AND revoked_at IS NULL;",
            p => p.Set("@code", code).Set("@at", at),
            cancellationToken);
    }

    /// <summary>One invite by code, or all of them (by creation time, then code), each with its redemptions in order.</summary>
    private static async Task<IReadOnlyList<Invite>> ReadAsync(Func<string, SqliteCommand> command, string? code, CancellationToken cancellationToken)
    {
        var filter = code is null ? string.Empty : "WHERE code = @code";
        var invites = command($"SELECT {Columns} FROM invites {filter} ORDER BY created_at, code;");
        invites.Parameters.Set("@code", code);
        var rows = await SqliteDatabase.ReadAllAsync(invites, SqliteRows.Read<Invite>, cancellationToken);

        var redemptions = command($"SELECT code, member_id FROM invite_redemptions {filter} ORDER BY code, position;");
        redemptions.Parameters.Set("@code", code);
        var byCode = (await SqliteDatabase.ReadAllAsync(redemptions, r => (Code: r.GetString(0), Member: r.GetString(1)), cancellationToken))
            .ToLookup(x => x.Code, x => x.Member, StringComparer.Ordinal);

        return [.. rows.Select(invite => invite with { RedeemedBy = [.. byCode[invite.Code]] })];
    }
}
