namespace CampaignBot.Core.Features.Contacts;

public static class ContactRegistration
{
    /// <summary>Contact points (全程联系): /contact, the visit flow, the weekly summary job, the reviewer port, /progress and bulletin parts.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<ContactOptions, ContactOptionsValidator>(ContactOptions.SectionName);
        services.AddFeature(new FeatureParts
        {
            Services = [typeof(ContactDirectory), typeof(ContactUnitView)],
            Commands = [typeof(ContactCommand)],
            Flows = [typeof(ContactVisitFlow)],
            Jobs = [typeof(ContactWeeklyJob)],
            Seeders = [typeof(ContactWeeklyJobSeeder)],
            Ports =
            [
                (typeof(Examinations.IAdditionalReviewers), typeof(ContactReviewers)),
                (typeof(Progress.IProgressSection), typeof(ContactProgressSection)),
                (typeof(Bulletins.IBulletinSection), typeof(ContactBulletinSection)),
            ],
        });

        services.AddSingleton<ICommandAudienceCheck>(sp => new ContactAudience(sp.GetRequiredService<ContactDirectory>(), sp.GetRequiredService<Campaign.CampaignDefinition>(), "contact"));
        services.AddSingleton<ICommandAudienceCheck>(sp => new ContactAudience(sp.GetRequiredService<ContactDirectory>(), sp.GetRequiredService<Campaign.CampaignDefinition>(), "review"));
        return services;
    }
}
