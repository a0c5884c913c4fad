namespace CampaignBot.Core.Features.Contacts;

/// <summary>Contact points (全程联系): /contact, the visit flow, the weekly summary job, the reviewer port, /progress and bulletin parts.</summary>
public static class ContactFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Settings = [FeatureSettings.Checked<ContactOptions, ContactOptionsValidator>(ContactOptions.SectionName)],
        Services = [typeof(ContactDirectory), typeof(ContactUnitView)],
        Commands = [typeof(ContactCommand)],
        ButtonHandlers = [typeof(ContactCommand)],
        Flows = [typeof(ContactVisitFlow)],
        Jobs = [typeof(ContactWeeklyJob)],
        Seeders = [typeof(ContactWeeklyJobSeeder)],
        Ports =
        [
            (typeof(Examinations.IAdditionalReviewers), typeof(ContactReviewers)),
            (typeof(Progress.IProgressSection), typeof(ContactProgressSection)),
            (typeof(Bulletins.IBulletinSection), typeof(ContactBulletinSection)),
        ],
        MadePorts = [AudienceOf("contact"), AudienceOf("review")],
    };

    /// <summary>/contact and /review are listed in /help for the people who have contact units.</summary>
    private static (Type, Func<IServiceProvider, object>) AudienceOf(string command) =>
        (typeof(ICommandAudienceCheck), sp => new ContactAudience(sp.GetRequiredService<ContactDirectory>(), sp.GetRequiredService<CampaignDefinition>(), command));
}
