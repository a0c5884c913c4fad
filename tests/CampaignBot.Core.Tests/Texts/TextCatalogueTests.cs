using CampaignBot.Texts;

namespace CampaignBot.Core.Tests.Texts;

public sealed class TextCatalogueTests
{
    [Fact]
    public void Every_catalogue_in_the_source_parses_with_both_languages_for_every_entry()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CampaignBot.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var files = Directory.GetFiles(Path.Combine(root.FullName, "src"), "*.texts", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count >= 10, $"only {files.Count} catalogues found");
        foreach (var file in files)
        {
            var catalogue = TextCatalogue.Parse(File.ReadAllText(file));
            Assert.True(catalogue.Errors.Count == 0, $"{file}: {string.Join("; ", catalogue.Errors.Select(e => $"{e.Line} {e.Message}"))}");
            Assert.All(catalogue.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Chinese) || string.IsNullOrWhiteSpace(e.English), e.Name));
        }
    }

    [Fact]
    public void A_broken_catalogue_names_every_bad_line()
    {
        const string text = """
            namespace Demo
            class DemoTexts

            Fine
              zh: 好
              en: Fine
            MissingEnglish
              zh: 只有中文
            Fine
              zh: 重复
              en: Again
            Bad-Name
              zh: 坏
              en: Bad
            Quote
              zh: 一个"引号
              en: a "quote
              fr: non
            """;

        var catalogue = TextCatalogue.Parse(text);

        var lines = catalogue.Errors.Select(e => e.Line).Order().ToArray();
        Assert.Equal([7, 9, 12, 15, 18], lines);
        Assert.Contains(catalogue.Errors, e => e.Line == 7 && e.Message.Contains("zh: and en:", StringComparison.Ordinal));
        Assert.Contains(catalogue.Errors, e => e.Line == 9 && e.Message.Contains("already defined", StringComparison.Ordinal));
    }

    [Fact]
    public void A_string_literal_inside_a_hole_is_csharp_but_a_lone_quote_in_the_text_still_is_refused()
    {
        var catalogue = TextCatalogue.Parse("""
            namespace Demo
            class DemoTexts

            Votes(long votes)
              zh: {votes} 票
              en: {Plural.En(votes, "vote")} so far, {{not a hole}}
            Lone(long votes)
              zh: {votes} 票
              en: {votes} "votes
            """);

        var source = catalogue.ToSource("demo.texts");

        var error = Assert.Single(catalogue.Errors);
        Assert.Equal(7, error.Line);
        Assert.Contains("$\"{Plural.En(votes, \"vote\")} so far, {{not a hole}}\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_with_values_becomes_an_interpolated_method_and_a_fixed_text_a_field()
    {
        var catalogue = TextCatalogue.Parse("""
            namespace Demo
            internal class DemoTexts

            Saved
              doc: said after <saving>
              zh: 已保存。
              en: Saved.
            TooLong(int max)
              zh: 最多 {max} 字
              en: at most {max} characters
            Mark
              zh: （停用）
              en:  (off)
            """);

        var source = catalogue.ToSource("demo.texts");

        Assert.Empty(catalogue.Errors);
        Assert.Contains("internal static partial class DemoTexts", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>said after &lt;saving&gt;</summary>", source, StringComparison.Ordinal);
        Assert.Contains("public static readonly Text Saved = new(\"已保存。\", \"Saved.\");", source, StringComparison.Ordinal);
        Assert.Contains("public static readonly Text Mark = new(\"（停用）\", \" (off)\");", source, StringComparison.Ordinal);
        Assert.Contains("public static Text TooLong(int max) => new($\"最多 {max} 字\", $\"at most {max} characters\");", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_names_block_becomes_one_switch_over_the_enum_and_reads_an_unnamed_value_as_itself()
    {
        var catalogue = TextCatalogue.Parse("""
            namespace Demo
            class DemoTexts

            names StatusName(DemoStatus? status)
              null: 未开始 | not started
              Open: 进行中 | open
            """);

        var source = catalogue.ToSource("demo.texts");

        Assert.Empty(catalogue.Errors);
        Assert.Contains("public static Text StatusName(DemoStatus? status) => status switch", source, StringComparison.Ordinal);
        Assert.Contains("null => new(\"未开始\", \"not started\"),", source, StringComparison.Ordinal);
        Assert.Contains("DemoStatus.Open => new(\"进行中\", \"open\"),", source, StringComparison.Ordinal);
        Assert.Contains("_ => new(status.ToString()!, status.ToString()!),", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_names_block_names_its_bad_lines()
    {
        var catalogue = TextCatalogue.Parse("""
            namespace Demo
            class DemoTexts

            names StatusName(DemoStatus status)
              Open: 进行中 | open
              Open: 又一个 | again
              Closed: 只有中文
              null: 空 | none
            names Empty(DemoStatus status)
            names Broken(status)
              Open: 进行中 | open
            StatusName
              zh: 重名
              en: same name
            """);

        var lines = catalogue.Errors.Select(e => e.Line).Order().ToArray();
        Assert.Equal([6, 7, 8, 9, 10, 12], lines);
        Assert.Contains(catalogue.Errors, e => e.Line == 6 && e.Message.Contains("named twice", StringComparison.Ordinal));
        Assert.Contains(catalogue.Errors, e => e.Line == 9 && e.Message.Contains("names no value", StringComparison.Ordinal));
        Assert.Contains(catalogue.Errors, e => e.Line == 12 && e.Message.Contains("already defined", StringComparison.Ordinal));
    }

    /// <summary>Every names block of the catalogues names every value of its enum: none falls back to the value's own name.</summary>
    [Fact]
    public void Every_value_of_an_enum_with_names_has_words_in_both_languages()
    {
        var methods = typeof(Core.Messaging.Text).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Texts", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(Core.Messaging.Text) && m.GetParameters() is [{ } p] && (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsEnum)
            .ToList();

        Assert.True(methods.Count >= 8, $"only {methods.Count} names blocks found");
        foreach (var method in methods)
        {
            var type = method.GetParameters()[0].ParameterType;
            var enumType = Nullable.GetUnderlyingType(type) ?? type;
            foreach (var value in Enum.GetValues(enumType))
            {
                var text = (Core.Messaging.Text)method.Invoke(null, [value])!;
                Assert.False(text.Chinese == value.ToString() || text.English == value.ToString(), $"{method.DeclaringType!.Name}.{method.Name} names no {enumType.Name}.{value}");
            }
        }
    }
}
