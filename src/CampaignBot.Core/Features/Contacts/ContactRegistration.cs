namespace CampaignBot.Core.Features.Contacts;

public static class ContactRegistration
{
    /// <summary>Contact points (全程联系): /contact, the visit flow, the weekly summary job, the reviewer port, /progress and bulletin parts.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<ContactOptions, ContactOptionsValidator>(ContactOptions.SectionName);
        services.AddSingleton<ContactDirectory>();
        services.AddSingleton<ContactUnitView>();
        services.AddFlow<ContactVisitFlow>();
        services.AddSingleton<ICommandHandler, ContactCommand>();
        services.AddJob<ContactWeeklyJob, ContactWeeklyJobSeeder>();
        services.AddSingleton<Examinations.IAdditionalReviewers, ContactReviewers>();
        services.AddSingleton<Progress.IProgressSection, ContactProgressSection>();
        services.AddSingleton<Bulletins.IBulletinSection, ContactBulletinSection>();
        services.AddSingleton<ICommandAudienceCheck>(sp => new ContactAudience(sp.GetRequiredService<ContactDirectory>(), sp.GetRequiredService<Campaign.CampaignDefinition>(), "contact"));
        services.AddSingleton<ICommandAudienceCheck>(sp => new ContactAudience(sp.GetRequiredService<ContactDirectory>(), sp.GetRequiredService<Campaign.CampaignDefinition>(), "review"));
        return services;
    }
}
