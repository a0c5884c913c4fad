namespace CampaignBot.Core.Features.Contacts;

public static class ContactRegistration
{
    /// <summary>Contact points (全程联系): /contact, the visit flow, the weekly summary job, the reviewer port, /progress and bulletin parts.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContactOptions>, ContactOptionsValidator>();
        services.AddSingleton<ContactDirectory>();
        services.AddSingleton<ContactUnitView>();
        services.AddSingleton<ContactVisitFlow>();
        services.AddSingleton<IFlowDefinition>(sp => sp.GetRequiredService<ContactVisitFlow>());
        services.AddSingleton<ICommandHandler, ContactCommand>();
        services.AddSingleton<ContactWeeklyJob>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<ContactWeeklyJob>());
        services.AddHostedService<ContactWeeklyJobSeeder>();
        services.AddSingleton<Examinations.IAdditionalReviewers, ContactReviewers>();
        services.AddSingleton<Progress.IProgressSection, ContactProgressSection>();
        services.AddSingleton<Bulletins.IBulletinSection, ContactBulletinSection>();
        services.AddSingleton<ICommandAudienceCheck>(sp => new ContactAudience(sp.GetRequiredService<ContactDirectory>(), sp.GetRequiredService<Campaign.CampaignDefinition>(), "contact"));
        services.AddSingleton<ICommandAudienceCheck>(sp => new ContactAudience(sp.GetRequiredService<ContactDirectory>(), sp.GetRequiredService<Campaign.CampaignDefinition>(), "review"));
        return services;
    }
}
