using CampaignBot.Storage.Mongo;
using CampaignBot.Storage.Sqlite;

namespace CampaignBot.Hosting;

/// <summary>Settings of the stores (sections "Storage" and "Mongo").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file used when no MongoDB connection string is set.</summary>
    public string SqlitePath { get; set; } = "data/campaignbot.db";

    public string? MongoConnectionString { get; set; }

    public string MongoDatabase { get; set; } = "campaignbot";

    public bool UsesMongo => !string.IsNullOrWhiteSpace(MongoConnectionString);

    public static StorageOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions();
        options.MongoConnectionString = configuration["Mongo:ConnectionString"] ?? options.MongoConnectionString;
        options.MongoDatabase = configuration["Mongo:Database"] ?? options.MongoDatabase;
        return options;
    }

    public string Describe() => UsesMongo ? $"MongoDB, database {MongoDatabase}" : $"SQLite, {Path.GetFullPath(SqlitePath)}";
}

public static class StoreRegistration
{
    /// <summary>Opens the configured store: MongoDB when Mongo:ConnectionString is set, the SQLite file otherwise.</summary>
    public static Task<StoreBundle> OpenStoreAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var options = StorageOptions.From(configuration);
        return options.UsesMongo
            ? MongoStores.OpenAsync(options.MongoConnectionString!, options.MongoDatabase, cancellationToken)
            : SqliteStores.OpenAsync(options.SqlitePath, cancellationToken);
    }

    public static async Task<IHostApplicationBuilder> AddCampaignStoreAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var stores = await OpenStoreAsync(builder.Configuration, cancellationToken);
        stores.Register(builder.Services);
        return builder;
    }
}
