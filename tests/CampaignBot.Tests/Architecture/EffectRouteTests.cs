using System.Reflection;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// One route for effects: what the bot says is collected in a FlowContext or a JobContext and stored by the pipeline.
/// Only the pipeline and the storage ports may take or hold the outbox store (or the bundle that exposes it).
/// </summary>
public sealed class EffectRouteTests
{
    private static readonly Type[] Forbidden = [typeof(IOutboxStore), typeof(StoreBundle)];

    private static readonly string[] Allowed = ["CampaignBot.Core.Pipeline", "CampaignBot.Core.Storage"];

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_type_in_core_outside_the_pipeline_and_the_storage_ports_takes_or_holds_the_outbox_store()
    {
        var offenders = typeof(IOutboxStore).Assembly.GetTypes()
            .Where(type => !Allowed.Any(ns => (Outermost(type).Namespace ?? string.Empty).StartsWith(ns, StringComparison.Ordinal)))
            .SelectMany(Uses)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "These write around the effect route; tell the FlowContext or JobContext instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_would_see_a_type_that_holds_the_outbox_store() =>
        Assert.NotEmpty(Uses(typeof(Holder)));

    private static IEnumerable<string> Uses(Type type)
    {
        foreach (var field in type.GetFields(Declared).Where(f => Touches(f.FieldType)))
        {
            yield return $"{type.FullName}: field {field.Name}";
        }

        foreach (var method in type.GetConstructors(Declared).Cast<MethodBase>().Concat(type.GetMethods(Declared)))
        {
            foreach (var parameter in method.GetParameters().Where(p => Touches(p.ParameterType)))
            {
                yield return $"{type.FullName}: {method.Name}({parameter.Name})";
            }
        }
    }

    private static bool Touches(Type type) =>
        Forbidden.Contains(type) || (type.IsGenericType && type.GetGenericArguments().Any(Touches)) || (type.HasElementType && Touches(type.GetElementType()!));

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private sealed class Holder(IOutboxStore outbox)
    {
        public IOutboxStore Outbox { get; } = outbox;
    }
}
