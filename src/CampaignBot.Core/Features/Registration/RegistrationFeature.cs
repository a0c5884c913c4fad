namespace CampaignBot.Core.Features.Registration;

/// <summary>Registration with an invite code (/start) and the member's profile (/me).</summary>
public static class RegistrationFeature
{
    public static FeatureParts Parts { get; } = new() { Commands = [typeof(MeCommand)], Flows = [typeof(RegistrationFlow)] };
}
