namespace CampaignBot.Core.Features.Organisation;

/// <summary>The host unit of the roster entry a personal invite code was made for (members import).</summary>
public sealed class RosterHostUnits(IRosterStore roster) : IHostUnits
{
    public async Task<string?> ForPersonalInviteAsync(string unitId, string code, CancellationToken cancellationToken)
    {
        var entries = await roster.ListAsync(unitId, cancellationToken);
        return entries.FirstOrDefault(e => e.UnitId == unitId && string.Equals(e.InviteCode, code, StringComparison.Ordinal))?.HostUnitId;
    }
}
