using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Contacts;

namespace CampaignBot.Features.Contacts;

/// <summary>The contact pieces the command-line verbs use without a running host (the bulletin's contact part).</summary>
internal static class ContactCli
{
    public static IBulletinSection BulletinSection(CampaignDefinition campaign, StoreBundle stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        return new ContactBulletinSection(new ContactDirectory(stores.Contacts, campaign), stores.Contacts, campaign);
    }
}
