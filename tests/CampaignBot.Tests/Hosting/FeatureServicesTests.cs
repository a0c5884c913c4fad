using System.ComponentModel.DataAnnotations;
using CampaignBot.Core;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CampaignBot.Tests.Hosting;

/// <summary>The registration helpers every feature's AddXxx() uses: its parts as a table, and its checked settings.</summary>
public sealed class FeatureServicesTests
{
    [Fact]
    public void Each_part_is_one_instance_whether_asked_for_by_its_class_or_through_its_port()
    {
        using var provider = new ServiceCollection()
            .AddFeature(new FeatureParts { Flows = [typeof(TestFlow)], Jobs = [typeof(TestJob)], Ports = [(typeof(ITestPort), typeof(TestPort))] })
            .BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<TestFlow>(), Assert.Single(provider.GetServices<IFlowDefinition>()));
        Assert.Same(provider.GetRequiredService<TestJob>(), Assert.Single(provider.GetServices<IJobHandler>()));
        Assert.IsType<TestPort>(provider.GetRequiredService<ITestPort>());
    }

    [Fact]
    public void A_class_that_answers_a_command_and_buttons_is_one_instance_for_both()
    {
        using var provider = new ServiceCollection()
            .AddFeature(new FeatureParts { Commands = [typeof(TestCommandAndButtons)], ButtonHandlers = [typeof(TestCommandAndButtons)] })
            .BuildServiceProvider();

        Assert.Same(Assert.Single(provider.GetServices<ICommandHandler>()), Assert.Single(provider.GetServices<IButtonHandler>()));
    }

    [Fact]
    public void A_seeder_runs_as_a_hosted_service_once_even_when_two_features_name_it()
    {
        using var provider = new ServiceCollection()
            .AddFeature(new FeatureParts { Seeders = [typeof(TestSeeder)] })
            .AddFeature(new FeatureParts { Seeders = [typeof(TestSeeder)] })
            .BuildServiceProvider();

        Assert.IsType<TestSeeder>(Assert.Single(provider.GetServices<IHostedService>()));
    }

    [Fact]
    public void A_part_that_does_not_implement_its_port_is_refused_with_its_name()
    {
        var refused = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddFeature(new FeatureParts { Commands = [typeof(TestJob)] }));

        Assert.Contains(nameof(TestJob), refused.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ICommandHandler), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_implementation_is_one_instance_through_its_port_and_by_its_class()
    {
        using var provider = new ServiceCollection()
            .AddFeature(new FeatureParts { Services = [typeof(TestPort)], Ports = [(typeof(ITestPort), typeof(TestPort))] })
            .BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<TestPort>(), provider.GetRequiredService<ITestPort>());
    }

    [Fact]
    public void A_made_port_is_made_with_its_arguments_once_per_entry()
    {
        using var provider = new ServiceCollection()
            .AddFeature(new FeatureParts { MadePorts = [(typeof(ITestPort), _ => new NamedPort("a")), (typeof(ITestPort), _ => new NamedPort("b"))] })
            .BuildServiceProvider();

        Assert.Equal(["a", "b"], provider.GetServices<ITestPort>().Select(p => ((NamedPort)p).Name));
    }

    [Fact]
    public void Settings_in_a_feature_table_are_bound_and_checked_at_start_up()
    {
        var parts = new FeatureParts { Settings = [FeatureSettings.Checked<TestOptions, TestOptionsValidator>("Test")] };
        using var good = Provider(new() { ["Test:Hour"] = "9" }, s => s.AddFeature(parts));
        using var bad = Provider(new() { ["Test:Hour"] = "25" }, s => s.AddFeature(parts));

        Assert.Equal(9, good.GetRequiredService<IOptions<TestOptions>>().Value.Hour);
        Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<TestOptions>>().Value);
    }

    [Fact]
    public void Every_campaign_feature_table_names_only_classes_that_implement_their_ports()
    {
        var services = new ServiceCollection().AddFeatures(CampaignFeatures.All);

        Assert.Contains(services, d => d.ServiceType == typeof(ICommandHandler));
        Assert.Contains(services, d => d.ServiceType == typeof(IFlowDefinition));
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

    private interface ITestPort;

    private sealed class TestPort : ITestPort;

    private sealed record NamedPort(string Name) : ITestPort;

    private sealed class TestCommandAndButtons : ICommandHandler, IButtonHandler
    {
        public string Command => "test";

        public string Prefix => "test";

        public Task HandleAsync(FlowContext context, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task HandleAsync(FlowContext context, Core.Messaging.ButtonPress press, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class TestSeeder : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
