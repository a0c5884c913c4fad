namespace CampaignBot.Core.Features.Bulletins;

/// <summary>Monthly dispatch and bulletins: /dispatch, /bulletin, the two monthly jobs, and the "Bulletins" settings.</summary>
public static class BulletinFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Settings = [FeatureSettings.Checked<BulletinOptions, BulletinOptionsValidator>(BulletinOptions.SectionName)],
        Services = [typeof(BulletinBuilder), typeof(BulletinPublisher), typeof(MonthlyJobs), typeof(DispatchMonths)],
        Commands = [typeof(DispatchCommand), typeof(BulletinCommand)],
        ButtonHandlers = [typeof(DispatchCommand)],
        Flows = [typeof(DispatchFlow)],
        Jobs = [typeof(DispatchAskJobHandler), typeof(BulletinDraftJobHandler)],
        Seeders = [typeof(MonthlyJobSeeder)],
    };
}
