using System.Collections.Concurrent;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>Invites in a dictionary, with the store contract's redeem rules (at most MaxUses members, a member once).</summary>
internal sealed class InMemoryInviteStore : IInviteStore
{
    private readonly ConcurrentDictionary<string, Invite> _invites = new(StringComparer.Ordinal);

    public Task<bool> CreateAsync(Invite invite, CancellationToken cancellationToken) => Task.FromResult(_invites.TryAdd(invite.Code, invite));

    public Task<Invite?> GetAsync(string code, CancellationToken cancellationToken) => Task.FromResult(_invites.GetValueOrDefault(code));

    public Task<RedeemResult> RedeemAsync(string code, string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_invites)
        {
            if (!_invites.TryGetValue(code, out var invite))
            {
                return Task.FromResult(RedeemResult.NotFound);
            }

            if (invite.RedeemedBy.Contains(memberId))
            {
                return Task.FromResult(RedeemResult.AlreadyRedeemedByThisMember);
            }

            if (invite.ExpiresAt is { } expires && expires <= now)
            {
                return Task.FromResult(RedeemResult.Expired);
            }

            if (invite.Uses >= invite.MaxUses)
            {
                return Task.FromResult(RedeemResult.UsedUp);
            }

            _invites[code] = invite with { RedeemedBy = [.. invite.RedeemedBy, memberId] };
            return Task.FromResult(RedeemResult.Redeemed);
        }
    }

    public Task<IReadOnlyList<Invite>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Invite>>([.. _invites.Values]);

    public Task<bool> ExpireAsync(string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_invites)
        {
            if (!_invites.TryGetValue(code, out var invite))
            {
                return Task.FromResult(false);
            }

            if (invite.ExpiresAt is null || invite.ExpiresAt > at)
            {
                _invites[code] = invite with { ExpiresAt = at };
            }

            return Task.FromResult(true);
        }
    }
}

internal sealed class InMemoryMemberStore : IMemberStore
{
    private readonly ConcurrentDictionary<string, Member> _members = new(StringComparer.Ordinal);

    public Task<Member?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_members.GetValueOrDefault(id));

    public Task UpsertAsync(Member member, CancellationToken cancellationToken)
    {
        _members[member.Id] = member;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Member>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Member>>([.. _members.Values.Where(m => unitId is null || m.UnitId == unitId || m.HostUnitId == unitId)]);
}

internal sealed class InMemoryChatStore : IChatStore
{
    private readonly ConcurrentDictionary<(string, string), ChatRecord> _chats = new();

    public Task<ChatRecord?> GetAsync(string channel, string chatId, CancellationToken cancellationToken) => Task.FromResult(_chats.GetValueOrDefault((channel, chatId)));

    public Task UpsertAsync(ChatRecord chat, CancellationToken cancellationToken)
    {
        _chats[(chat.Channel, chat.ChatId)] = chat;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChatRecord>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ChatRecord>>([.. _chats.Values]);
}
