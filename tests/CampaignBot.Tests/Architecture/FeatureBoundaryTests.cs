using System.Reflection;
using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Tests.Architecture;

/// <summary>A feature reaches another only through a port or an event: evaluations share quiet hours with study through Scheduling, not Study's options.</summary>
public sealed class FeatureBoundaryTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_type_of_evaluations_takes_or_holds_a_type_of_study()
    {
        var evaluations = typeof(RoundOpener).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("CampaignBot.Core.Features.Evaluations", StringComparison.Ordinal) == true);
        var reaches = evaluations
            .SelectMany(t => t.GetFields(Declared).Select(f => (t, f.FieldType, f.Name))
                .Concat(t.GetConstructors(Declared).Cast<MethodBase>().Concat(t.GetMethods(Declared))
                    .SelectMany(m => m.GetParameters().Select(p => (t, p.ParameterType, m.Name + "(" + p.Name + ")")))))
            .Where(x => Mentions(x.Item2, "CampaignBot.Core.Features.Study"))
            .Select(x => $"{x.t.FullName}: {x.Item3} is {x.Item2}")
            .ToList();

        Assert.True(reaches.Count == 0, "Evaluations reach into Study:\n" + string.Join("\n", reaches));
    }

    private static bool Mentions(Type type, string ns) =>
        type.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, ns)))
        || (type.HasElementType && Mentions(type.GetElementType()!, ns));
}
