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

    [Fact]
    public void The_life_meeting_reaches_evaluations_only_through_the_round_opening_port()
    {
        Type[] port = [typeof(IRoundOpening), typeof(RoundOpened), typeof(RoundAudience)];
        var meetings = typeof(RoundOpener).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("CampaignBot.Core.Features.LifeMeetings", StringComparison.Ordinal) == true);
        var reaches = meetings
            .SelectMany(t => t.GetFields(Declared).Select(f => (t, f.FieldType, f.Name))
                .Concat(t.GetConstructors(Declared).Cast<MethodBase>().Concat(t.GetMethods(Declared))
                    .SelectMany(m => m.GetParameters().Select(p => (t, p.ParameterType, m.Name + "(" + p.Name + ")")))))
            .Where(x => Parts(x.Item2).Any(p => p.Namespace?.StartsWith("CampaignBot.Core.Features.Evaluations", StringComparison.Ordinal) == true && !port.Contains(p)))
            .Select(x => $"{x.t.FullName}: {x.Item3} is {x.Item2}")
            .ToList();

        Assert.NotEmpty(meetings);
        Assert.True(reaches.Count == 0, "The life meeting reaches into evaluations:\n" + string.Join("\n", reaches));
    }

    /// <summary>The type and every type it is made of (generic arguments, element types).</summary>
    private static IEnumerable<Type> Parts(Type type) =>
        new[] { type }
            .Concat(type.IsGenericType ? type.GetGenericArguments().SelectMany(Parts) : [])
            .Concat(type.HasElementType ? Parts(type.GetElementType()!) : []);

    private static bool Mentions(Type type, string ns) =>
        type.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, ns)))
        || (type.HasElementType && Mentions(type.GetElementType()!, ns));
}
