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
}
