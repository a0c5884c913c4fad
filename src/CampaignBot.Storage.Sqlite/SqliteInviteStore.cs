using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Sqlite;

/// <summary>Invites, with one row per redemption: the (code, member) key makes the same member count once.</summary>
internal sealed class SqliteInviteStore(SqliteDatabase database) : IInviteStore
{
    private const string Columns = "code, unit_id, role, max_uses, expires_at, created_at, name, rank";

    public async Task<bool> CreateAsync(Invite invite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentException.ThrowIfNullOrWhiteSpace(invite.Code, nameof(invite));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(invite.MaxUses, nameof(invite));
        var created = await database.ExecuteAsync(
            $"""
            INSERT INTO invites ({Columns}) VALUES (@code, @unit, @role, @max, @expires, @created, @name, @rank)
            ON CONFLICT (code) DO NOTHING;
            """,
            p => p.Set("@code", invite.Code).Set("@unit", invite.UnitId).Set("@role", invite.Role).Set("@max", invite.MaxUses)
                .Set("@expires", invite.ExpiresAt).Set("@created", invite.CreatedAt).Set("@name", invite.Name).Set("@rank", invite.Rank),
            cancellationToken);
        return created == 1;
    }

    public async Task<Invite?> GetAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, null, code, cancellationToken)).SingleOrDefault();
    }

    public async Task<RedeemResult> RedeemAsync(string code, string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);

        // Read and write under one write lock, so the count cannot change between the check and the insert.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var invite = (await ReadAsync(connection, transaction, code, cancellationToken)).SingleOrDefault();
        var result = invite switch
        {
            null => RedeemResult.NotFound,
            _ when invite.RedeemedBy.Contains(memberId, StringComparer.Ordinal) => RedeemResult.AlreadyRedeemedByThisMember,
            { ExpiresAt: { } expires } when now >= expires => RedeemResult.Expired,
            _ when invite.Uses >= invite.MaxUses => RedeemResult.UsedUp,
            _ => RedeemResult.Redeemed,
        };
        if (result != RedeemResult.Redeemed)
        {
            return result;
        }

        await using var insert = SqliteDatabase.Command(
            connection,
            "INSERT INTO invite_redemptions (code, member_id, position, redeemed_at) VALUES (@code, @member, @position, @at);",
            transaction);
        insert.Parameters.Set("@code", code).Set("@member", memberId).Set("@position", invite!.Uses).Set("@at", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<Invite>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, null, cancellationToken);
    }

    public async Task<bool> ExpireAsync(string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        await database.ExecuteAsync(
            "UPDATE invites SET expires_at = @at WHERE code = @code AND (expires_at IS NULL OR expires_at > @at);",
            p => p.Set("@code", code).Set("@at", at),
            cancellationToken);
        return await GetAsync(code, cancellationToken) is not null;
    }

    /// <summary>One invite by code, or all of them (by creation time, then code), each with its redemptions in order.</summary>
    private static async Task<IReadOnlyList<Invite>> ReadAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string? code, CancellationToken cancellationToken)
    {
        var filter = code is null ? string.Empty : "WHERE code = @code";
        await using var invites = SqliteDatabase.Command(
            connection, $"SELECT {Columns} FROM invites {filter} ORDER BY created_at, code;", transaction);
        invites.Parameters.Set("@code", code);
        var rows = await SqliteDatabase.ReadAllAsync(invites, Read, cancellationToken);

        await using var redemptions = SqliteDatabase.Command(
            connection,
            $"SELECT code, member_id FROM invite_redemptions {filter} ORDER BY code, position;",
            transaction);
        redemptions.Parameters.Set("@code", code);
        var byCode = (await SqliteDatabase.ReadAllAsync(redemptions, r => (Code: r.GetString(0), Member: r.GetString(1)), cancellationToken))
            .ToLookup(x => x.Code, x => x.Member, StringComparer.Ordinal);

        return [.. rows.Select(invite => invite with { RedeemedBy = [.. byCode[invite.Code]] })];
    }

    private static Invite Read(SqliteDataReader r) => new()
    {
        Code = r.GetString(0),
        UnitId = r.GetString(1),
        Role = r.GetString(2),
        MaxUses = r.GetInt32(3),
        ExpiresAt = r.TimeOrNull(4),
        CreatedAt = r.Time(5),
        Name = r.TextOrNull(6),
        Rank = r.TextOrNull(7),
    };
}
