using System.ComponentModel.DataAnnotations;
using CampaignBot.Core;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignBot.Tests.Hosting;

/// <summary>The registration helpers every feature's AddXxx() uses.</summary>
public sealed class FeatureServicesTests
{
    [Fact]
    public void A_flow_is_one_instance_whether_asked_for_by_its_class_or_as_a_flow_definition()
    {
        using var provider = new ServiceCollection().AddFlow<TestFlow>().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<TestFlow>(), Assert.Single(provider.GetServices<IFlowDefinition>()));
    }

    [Fact]
    public void A_recurring_job_is_one_handler_instance_and_its_seeder_runs_as_a_hosted_service()
    {
        using var provider = new ServiceCollection().AddJob<TestJob, TestSeeder>().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<TestJob>(), Assert.Single(provider.GetServices<IJobHandler>()));
        Assert.IsType<TestSeeder>(Assert.Single(provider.GetServices<IHostedService>()));
    }

    [Fact]
    public void Checked_options_are_bound_from_their_section_and_refused_by_their_validator()
    {
        using var good = Provider(new() { ["Test:Hour"] = "9" }, s => s.AddCheckedOptions<TestOptions, TestOptionsValidator>("Test"));
        using var bad = Provider(new() { ["Test:Hour"] = "25" }, s => s.AddCheckedOptions<TestOptions, TestOptionsValidator>("Test"));

        Assert.Equal(9, good.GetRequiredService<IOptions<TestOptions>>().Value.Hour);
        var refused = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<TestOptions>>().Value);
        Assert.Contains("Test:Hour", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_with_annotations_are_bound_and_refused_by_their_annotations()
    {
        using var good = Provider(new() { ["Test:Hour"] = "9" }, s => s.AddCheckedOptions<TestOptions>("Test"));
        using var bad = Provider(new() { ["Test:Hour"] = "-1" }, s => s.AddCheckedOptions<TestOptions>("Test"));

        Assert.Equal(9, good.GetRequiredService<IOptions<TestOptions>>().Value.Hour);
        Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<TestOptions>>().Value);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        register(services);
        return services.BuildServiceProvider();
    }

    private sealed class TestOptions
    {
        [Range(0, 30)]
        public int Hour { get; set; }
    }

    private sealed class TestOptionsValidator : IValidateOptions<TestOptions>
    {
        public ValidateOptionsResult Validate(string? name, TestOptions options) =>
            options.Hour is >= 0 and <= 23 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail("Test:Hour must be an hour from 0 to 23.");
    }

    private sealed class TestFlow : IFlowDefinition
    {
        public string Name => "test";

        public string Command => "test";

        public bool AllowedInGroups => false;

        public string Title(Core.Messaging.Language language) => "test";

        public IConversationFlow Open(FlowContext context) => throw new NotSupportedException();

        public string ExportGraph() => string.Empty;
    }

    private sealed class TestJob : IJobHandler
    {
        public string Kind => "test";

        public Task HandleAsync(JobContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class TestSeeder : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
