namespace CampaignBot.Core.Features.Registration;

/// <summary>
/// Where a member who registers with a personal invite studies when they are a mobile member (流动党员): the host
/// unit (流入地) the organisation's list gives for that invite, or null. Implemented by the organisation feature.
/// </summary>
public interface IHostUnits
{
    Task<string?> ForPersonalInviteAsync(string unitId, string code, CancellationToken cancellationToken);
}
