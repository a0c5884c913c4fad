using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CampaignBot.Texts;

/// <summary>
/// Turns every <c>*.texts</c> file given to the compiler (AdditionalFiles) into its catalogue class. A broken file is
/// a build error naming the file and line (CBT001), never a half catalogue.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TextCatalogueGenerator : IIncrementalGenerator
{
    private static readonly DiagnosticDescriptor Broken = new(
        "CBT001",
        "Text catalogue error",
        "{0}",
        "CampaignBot.Texts",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var catalogues = context.AdditionalTextsProvider
            .Where(file => file.Path.EndsWith(".texts", System.StringComparison.OrdinalIgnoreCase))
            .Select((file, cancellationToken) => (file.Path, Text: file.GetText(cancellationToken)?.ToString() ?? string.Empty));

        context.RegisterSourceOutput(catalogues, (output, file) =>
        {
            var catalogue = TextCatalogue.Parse(file.Text);
            var name = Path.GetFileName(file.Path);
            if (catalogue.Errors.Count > 0)
            {
                foreach (var error in catalogue.Errors)
                {
                    var position = new LinePosition(error.Line - 1, 0);
                    var location = Location.Create(file.Path, default, new LinePositionSpan(position, position));
                    output.ReportDiagnostic(Diagnostic.Create(Broken, location, $"{name}:{error.Line}: {error.Message}"));
                }

                return;
            }

            var hint = string.Concat(file.Path.Where(char.IsLetterOrDigit).Reverse().Take(60).Reverse());
            output.AddSource($"{catalogue.ClassName}.{hint}.g.cs", SourceText.From(catalogue.ToSource(name), Encoding.UTF8));
        });
    }
}
