using System.Collections.Concurrent;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>Invites in a dictionary, with the store contract's redeem rules (at most MaxUses members, a member once).</summary>
internal sealed class InMemoryInviteStore : IInviteStore
{
    private readonly ConcurrentDictionary<string, Invite> _invites = new(StringComparer.Ordinal);

    public Task<bool> CreateAsync(Invite invite, CancellationToken cancellationToken) => Task.FromResult(_invites.TryAdd(invite.Code, invite));

    public Task<Invite?> GetAsync(string code, CancellationToken cancellationToken) => Task.FromResult(_invites.GetValueOrDefault(code));

    public Task<InviteStanding?> GetStandingAsync(string code, string memberId, CancellationToken cancellationToken) =>
        Task.FromResult(_invites.GetValueOrDefault(code) is { } invite
            ? new InviteStanding(invite with { RedeemedBy = [] }, invite.Uses, invite.RedeemedBy.Contains(memberId))
            : null);

    public Task<RedeemResult> RedeemAsync(string code, string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_invites)
        {
            if (!_invites.TryGetValue(code, out var invite))
            {
                return Task.FromResult(RedeemResult.NotFound);
            }

            if (invite.RevokedAt is not null)
            {
                return Task.FromResult(RedeemResult.Revoked);
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

    public Task<bool> RevokeAsync(string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_invites)
        {
            if (!_invites.TryGetValue(code, out var invite) || invite.RevokedAt is not null)
            {
                return Task.FromResult(false);
            }

            _invites[code] = invite with { RevokedAt = at };
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

/// <summary>Self-examinations, versions and reviews, with the contract's rules (a version stored once, reviewed once).</summary>
internal sealed class InMemoryExaminationStore : IExaminationStore
{
    private readonly ConcurrentDictionary<string, SelfExamination> _examinations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, int), ExaminationVersion> _versions = new();
    private readonly ConcurrentDictionary<(string, int), ExaminationReview> _reviews = new();

    public Task<SelfExamination?> GetAsync(string memberId, CancellationToken cancellationToken) => Task.FromResult(_examinations.GetValueOrDefault(memberId));

    public Task SaveAsync(SelfExamination examination, CancellationToken cancellationToken)
    {
        _examinations[examination.MemberId] = examination;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SelfExamination>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SelfExamination>>([.. _examinations.Values.Where(e => unitId is null || e.UnitId == unitId).OrderBy(e => e.MemberId, StringComparer.Ordinal)]);

    public Task<bool> AddVersionAsync(ExaminationVersion version, CancellationToken cancellationToken) =>
        Task.FromResult(_versions.TryAdd((version.MemberId, version.Number), version));

    public Task<IReadOnlyList<ExaminationVersion>> ListVersionsAsync(string memberId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExaminationVersion>>([.. _versions.Values.Where(v => v.MemberId == memberId).OrderBy(v => v.Number)]);

    public Task<bool> AddReviewAsync(ExaminationReview review, CancellationToken cancellationToken) =>
        Task.FromResult(_reviews.TryAdd((review.MemberId, review.Number), review));

    public Task<IReadOnlyList<ExaminationReview>> ListReviewsAsync(string memberId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExaminationReview>>([.. _reviews.Values.Where(r => r.MemberId == memberId).OrderBy(r => r.Number)]);
}

/// <summary>Pledges by (member, area) and check-ins by (pledge, period), replaced on a second save.</summary>
internal sealed class InMemoryPledgeStore : IPledgeStore
{
    private readonly ConcurrentDictionary<string, Pledge> _pledges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PledgeCheckIn> _checkIns = new(StringComparer.Ordinal);

    public Task SaveAsync(Pledge pledge, CancellationToken cancellationToken)
    {
        _pledges[pledge.Id] = pledge;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Pledge>> ListByMemberAsync(string memberId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Pledge>>([.. _pledges.Values.Where(p => p.MemberId == memberId).OrderBy(p => p.Area, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<Pledge>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Pledge>>([.. _pledges.Values.Where(p => unitId is null || p.UnitId == unitId).OrderBy(p => p.Id, StringComparer.Ordinal)]);

    public Task RecordCheckInAsync(PledgeCheckIn checkIn, CancellationToken cancellationToken)
    {
        _checkIns[checkIn.Id] = checkIn;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PledgeCheckIn>> ListCheckInsAsync(string? unitId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PledgeCheckIn>>([.. _checkIns.Values.Where(c => unitId is null || c.UnitId == unitId).OrderBy(c => c.Id, StringComparer.Ordinal)]);
}
